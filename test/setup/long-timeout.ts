// Integration and end-to-end tests wait on real servers (polling, never sleeping).
jest.setTimeout(180_000);
