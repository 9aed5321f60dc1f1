/** A message refused for good (5xx) or for now (4xx): the SMTP reply the sender gets. */
export class SmtpRefusal extends Error {
  responseCode: number;
  constructor(responseCode: number, message: string) {
    super(message);
    this.responseCode = responseCode;
  }
}
