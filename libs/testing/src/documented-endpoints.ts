export interface DocumentedEndpoint {
  method: string;
  /** The path template, e.g. `/api/journeys/{donorCode}/label.pdf`. */
  template: string;
  /** The roles allowed, by name (`hospital (own institution only)` reads `hospital`). */
  roles: string[];
}

/** The endpoint table of docs/roles.md: method, path template, roles allowed. */
export function documentedEndpoints(rolesDoc: string): DocumentedEndpoint[] {
  return [...rolesDoc.matchAll(/^\| `(GET|POST|DELETE) ([^`]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map(
    (m) => ({
      method: m[1],
      template: m[2],
      roles: m[3].split(/[,;]/).map((r) => r.trim().split(' ')[0]),
    }),
  );
}
