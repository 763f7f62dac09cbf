import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from "@nestjs/common";
import type { Request, Response } from "express";
import { map, type Observable } from "rxjs";

/** Sets Location on a 201 to the URL of the object created: the collection URL and its id. */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<{ id: unknown }>): Observable<unknown> {
    const http = context.switchToHttp();
    const path = http.getRequest<Request>().path.replace(/\/$/, "");
    return next.handle().pipe(
      map((created) => {
        http.getResponse<Response>().location(`${path}/${String(created.id)}`);
        return created;
      }),
    );
  }
}
