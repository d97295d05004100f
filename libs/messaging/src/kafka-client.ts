import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { kafkaBrokers } from './kafka-config';

type Log = (level: 'error' | 'warn' | 'info' | 'debug', msg: string, extra: object) => void;

/** A KafkaJS client whose log lines go to the caller's logger instead of stdout noise. */
export function createKafka(
  clientId: string,
  log?: Log,
  env: NodeJS.ProcessEnv = process.env,
): Kafka {
  return new Kafka({
    clientId,
    brokers: kafkaBrokers(env),
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...extra } = entry;
        const name = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'info';
        if (log) log(name, `kafka: ${message}`, extra);
        else if (level <= logLevel.WARN)
          console.error(`[kafka ${clientId}] ${message} ${JSON.stringify(extra)}`);
      },
  });
}
