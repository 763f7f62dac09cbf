// The methods each path of the service takes, read at startup from the routes the
// controllers declare (@Controller and @Get, @Post, …): a known path asked with another
// method is a 405 with this list in Allow, not the 404 Nest's router gives. A route added to
// a controller is counted with no other change.
import { Injectable, RequestMethod, type OnModuleInit } from "@nestjs/common";
import { METHOD_METADATA, PATH_METADATA } from "@nestjs/common/constants.js";
import { DiscoveryService, MetadataScanner, Reflector } from "@nestjs/core";

/** The order of the methods in Allow. */
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

interface Route {
  pattern: RegExp;
  methods: Set<string>;
}

@Injectable()
export class AllowedMethods implements OnModuleInit {
  private routes: Route[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const byPath = new Map<string, Set<string>>();
    for (const { metatype } of this.discovery.getControllers()) {
      if (typeof metatype !== "function") continue;
      const prefixes = paths(this.reflector.get(PATH_METADATA, metatype));
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== "function") continue;
        const routePath: unknown = this.reflector.get(PATH_METADATA, handler);
        if (routePath === undefined) continue;
        const method = RequestMethod[this.reflector.get<RequestMethod>(METHOD_METADATA, handler)];
        for (const prefix of prefixes) {
          for (const path of paths(routePath)) {
            const full = `/${[prefix, path].map(trimSlashes).filter(Boolean).join("/")}`;
            const methods = byPath.get(full) ?? new Set<string>();
            for (const m of served(method)) methods.add(m);
            byPath.set(full, methods);
          }
        }
      }
    }
    this.routes = [...byPath].map(([path, methods]) => ({ pattern: toPattern(path), methods }));
  }

  /** The Allow list of a known path, or undefined for a path no route serves. */
  allowed(path: string): string | undefined {
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.pattern.test(path)) for (const m of route.methods) methods.add(m);
    }
    if (methods.size === 0) return undefined;
    return [...methods].sort((a, b) => rank(a) - rank(b)).join(", ");
  }
}

/** What a route of this method answers: Express answers HEAD wherever GET is routed. */
function served(method: string | undefined): string[] {
  if (method === "ALL") return ORDER;
  if (method === "GET") return ["GET", "HEAD"];
  return method ? [method] : [];
}

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === "string" ? value : "/"];
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, "");

const rank = (method: string) => (ORDER.includes(method) ? ORDER.indexOf(method) : ORDER.length);

/**
 * A route path as Express 5 matches it: `:name` is one segment, `*name` the rest of the path,
 * `{…}` an optional part; case-insensitive, with an optional trailing slash.
 */
function toPattern(path: string): RegExp {
  const source = path.replace(/:[\w$]+|\*[\w$]+|[{}]|[.+?^$()[\]\\|]/g, (token) => {
    if (token.startsWith(":")) return "[^/]+";
    if (token.startsWith("*")) return ".+";
    if (token === "{") return "(?:";
    if (token === "}") return ")?";
    return `\\${token}`;
  });
  return new RegExp(`^${source}/?$`, "i");
}
