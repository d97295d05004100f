export * from './hash-chain';
export * from './verify-chain';
export * from './chain-head-check';
export * from './ed25519-keys';
export * from './checkpoint';
export * from './chain-export';
