import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from "@nestjs/common";
import type { Response } from "express";

/** The probes answer in their own format, {"status":"unavailable"}, not as a problem. */
@Catch(HttpException)
export class HealthFilter implements ExceptionFilter {
  catch(err: HttpException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(err.getStatus()).json(err.getResponse());
  }
}
