package io.rapport.crm.customer;

/** Names the channels a customer can consent to be contacted on. */
public enum ConsentChannel {
  /** Email. */
  EMAIL,
  /** Text messages. */
  SMS,
  /** Phone calls, including the call center's outbound calls. */
  PHONE_CALL,
  /** Messaging apps and social networks (WeChat, WhatsApp, LINE…). */
  MESSAGING,
  /** Paper mail. */
  POST,
  /** App push notifications. */
  PUSH
}
