// The raw HTTP answer to a request Node's parser refused before Express saw it.
import { faultFor, SOAP_CONTENT_TYPE, SoapFault } from "../soap/service.js";

/** Every answer of the SOAP endpoint is an envelope, this one too. */
export function clientErrorAnswer(): string {
  const fault = faultFor(new SoapFault("Client", "the request could not be read"));
  return raw(`500 Internal Server Error`, SOAP_CONTENT_TYPE, fault.body);
}

function raw(status: string, type: string, body: string): string {
  return (
    `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
  );
}
