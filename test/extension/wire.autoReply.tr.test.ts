// The same suite in the Turkish pass: its assertions hold in either display language.
import './wire.autoReply.test';
