export * from './electronic-signature.migration';
export * from './electronic-signature.repository';
export * from './signature-check';
export * from './signature-keys';
export * from './signature-recorder';
export * from './signature-seal';
export * from './signed-content';
export * from './release-gate';
