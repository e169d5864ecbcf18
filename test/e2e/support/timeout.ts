// Browser journeys take longer than jest's default 5 s per test.
jest.setTimeout(120_000);
