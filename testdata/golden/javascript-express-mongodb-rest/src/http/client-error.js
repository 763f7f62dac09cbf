// The raw HTTP answer to a request Node's parser refused before Express saw it.
import { problem, PROBLEM_CONTENT_TYPE } from "./problem.js";

export function clientErrorAnswer(err) {
  if (err.code === "HPE_HEADER_OVERFLOW") {
    const body = JSON.stringify(problem(431, "the request headers are too large"));
    return raw("431 Request Header Fields Too Large", PROBLEM_CONTENT_TYPE, body);
  }
  const body = JSON.stringify(problem(400, "the request could not be read"));
  return raw("400 Bad Request", PROBLEM_CONTENT_TYPE, body);
}

function raw(status, type, body) {
  return (
    `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
  );
}
