// The global ValidationPipe (APP_PIPE): bodies become DTO instances checked by their
// class-validator decorators; a field that breaks its rules, or that the DTO does not
// declare, is a 422 naming it.
import { ValidationPipe, type ValidationError as FieldFailure } from "@nestjs/common";
import { ValidationError, type FieldError } from "./problem.js";

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (failures) => new ValidationError(failures.flatMap(fieldErrors)),
  });
}

function fieldErrors(failure: FieldFailure): FieldError[] {
  const messages = Object.entries(failure.constraints ?? {}).map(([rule, message]) =>
    rule === "whitelistValidation" ? "is not a known field" : message,
  );
  return messages.map((message) => ({ field: failure.property, message }));
}
