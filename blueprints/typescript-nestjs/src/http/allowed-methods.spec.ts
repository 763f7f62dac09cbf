// Unit tests of AllowedMethods: the Allow list comes from the routes the controllers of a
// module declare, whatever they are.
import "reflect-metadata";
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { All, Controller, Delete, Get, Post, Put } from "@nestjs/common";
import { DiscoveryModule } from "@nestjs/core";
import { Test } from "@nestjs/testing";
import { AllowedMethods } from "./allowed-methods.js";

@Controller("api/v1/notes")
class NotesController {
  @Get()
  list(): string[] {
    return [];
  }

  @Post()
  create(): void {}

  @Get(":id")
  read(): void {}

  @Put(":id")
  replace(): void {}

  @Delete(":id")
  remove(): void {}

  /** Not a route: no decorator. */
  helper(): void {}
}

@Controller()
class PlainController {
  @Get(["ping", "/pong/"])
  ping(): string {
    return "pong";
  }

  @Post("files/*path")
  upload(): void {}

  @All("any")
  any(): void {}
}

describe("AllowedMethods", () => {
  let allowed: AllowedMethods;

  before(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      controllers: [NotesController, PlainController],
      providers: [AllowedMethods],
    }).compile();
    await moduleRef.init();
    allowed = moduleRef.get(AllowedMethods);
  });

  const cases: [path: string, allow: string | undefined][] = [
    ["/api/v1/notes", "GET, HEAD, POST"],
    ["/api/v1/notes/", "GET, HEAD, POST"],
    ["/API/V1/Notes", "GET, HEAD, POST"],
    ["/api/v1/notes/42", "GET, HEAD, PUT, DELETE"],
    ["/api/v1/notes/42/x", undefined],
    ["/api/v1/note", undefined],
    ["/ping", "GET, HEAD"],
    ["/pong", "GET, HEAD"],
    ["/files/a/b.txt", "POST"],
    ["/files", undefined],
    ["/any", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ["/helper", undefined],
    ["/", undefined],
  ];
  for (const [path, allow] of cases) {
    it(`answers ${path} with ${allow ?? "no route"}`, () => {
      assert.equal(allowed.allowed(path), allow);
    });
  }
});
