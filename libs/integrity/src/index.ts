export * from './hash-chain';
export * from './verify-chain';
export * from './chain-head-check';
