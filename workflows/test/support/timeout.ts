// Workflow tests start servers and workers; Jest's 5 s default is too short for them.
jest.setTimeout(120_000);
