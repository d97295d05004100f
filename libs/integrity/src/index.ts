export * from './hash-chain';
export * from './verify-chain';
