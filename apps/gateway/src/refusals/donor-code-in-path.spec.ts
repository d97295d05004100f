import { donorCodeInPath } from './donor-code-in-path';

const CODE = 'A99991500000100M';

describe('donorCodeInPath', () => {
  it.each([
    [`/api/journeys/${CODE}`],
    [`/api/journeys/${CODE}/start-production`],
    [`/api/journeys/${CODE}/temperature-readings?leg=transport-to-factory`],
    [`/api/traces/donors/${CODE}`],
    [`/fhir/r4/Specimen/${CODE}`],
    [`/api/journeys/${encodeURIComponent('A999915000001 00 M')}/label.pdf`],
  ])('CSV-03 finds the journey of %s', (path) => {
    expect(donorCodeInPath(path)).toBe(CODE);
  });

  it.each([
    ['/api/journeys?stage=ordered'],
    ['/api/institutions/INST-002'],
    ['/api/journeys/A99991500000100X'],
    ['/api/journeys/%E0%A4%A'],
    [`/api/orders/${CODE}`],
    [`/fhir/r4/Patient/${CODE}`],
  ])('names no journey for %s', (path) => {
    expect(donorCodeInPath(path)).toBeNull();
  });
});
