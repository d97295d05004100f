# Kafka: Apache Kafka's own broker jars from Maven Central, one KRaft node (broker and
# controller) on loopback, topic auto-creation off (the project creates its topics).

provision_kafka() {
  [[ -d $KAFKA_LIBS ]] && return 0
  cache_locked "kafka-$KAFKA_VERSION" maven_copy "Apache Kafka $KAFKA_VERSION jars" \
    "$INFRA_DIR/kafka/pom.xml" "$KAFKA_LIBS" "-Dkafka.version=$KAFKA_VERSION"
}

write_kafka_config() {
  mkdir -p "$DATA/kafka"
  cat >"$DATA/kafka/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA/kafka/logs
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat >"$DATA/kafka/log4j2.properties" <<PROPS
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = $LOGS/kafka.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.file.ref = FILE
logger.raft.name = kafka.server.KafkaRaftServer
logger.raft.level = info
PROPS
}

kafka_java() {
  java -Xmx512m -Xms256m -XX:+UseG1GC -Dlog4j2.configurationFile="$DATA/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# Formatting happens once: meta.properties in the log dir marks formatted storage, and the
# cluster id is kept in .data so a retried format reuses it; a warm start never reformats.
format_kafka_storage() {
  [[ -f $DATA/kafka/logs/meta.properties ]] && return 0
  log "Kafka: formatting KRaft storage"
  local cluster_id
  if [[ -s $DATA/kafka/cluster-id ]]; then
    cluster_id=$(cat "$DATA/kafka/cluster-id")
  else
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    echo "$cluster_id" >"$DATA/kafka/cluster-id"
  fi
  # controller.quorum.voters is set (a static one-node quorum), so no --standalone here.
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA/kafka/server.properties" \
    >>"$LOGS/kafka-format.log" 2>&1 || { tail "$LOGS/kafka-format.log" >&2; die "Kafka storage format failed"; }
}

# The broker answers a real Kafka request: ApiVersions v0 (api key 18, correlation id 1, null
# client id) sent over bash's /dev/tcp, no JVM needed. The listener only serves requests once
# the broker has finished starting. Reply: size, correlation id 1, error code 0.
kafka_answers() {
  local reply
  { exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT"; } 2>/dev/null || return 1
  printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x01\xff\xff' >&3
  reply=$(timeout 5 head -c 10 <&3 | od -An -tx1 | tr -d ' \n') || true
  exec 3<&-
  [[ $reply == ????????000000010000 ]]
}

kafka_started() { grep -q "Kafka Server started" "$LOGS/kafka.log" && kafka_answers; }

start_kafka() {
  if [[ -n ${KAFKA_BROKERS:-} ]]; then log "Kafka: using external $KAFKA_BROKERS"; return 0; fi
  need_java
  provision_kafka
  if is_running kafka; then
    log "Kafka: already running (pid $(cat "$(pid_file kafka)"))"
    WATCH=kafka wait_for "Kafka" 60 "$LOGS/kafka.log" kafka_answers
  else
    port_open "$KAFKA_PORT" && port_taken "$KAFKA_PORT" KAFKA_BROKERS
    port_open "$KAFKA_CONTROLLER_PORT" && port_taken "$KAFKA_CONTROLLER_PORT" KAFKA_BROKERS
    write_kafka_config
    format_kafka_storage
    log "Kafka: starting KRaft broker on 127.0.0.1:$KAFKA_PORT"
    : >"$LOGS/kafka.log" # a fresh log, so the readiness check reads this start's lines only
    start_daemon kafka "$LOGS/kafka.out" java -Xmx512m -Xms256m -XX:+UseG1GC \
      -Dlog4j2.configurationFile="$DATA/kafka/log4j2.properties" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$DATA/kafka/server.properties"
    WATCH=kafka wait_for "Kafka" 90 "$LOGS/kafka.log" kafka_started
  fi
  log "Kafka: ready"
}

stop_kafka() { stop_pid kafka 40; }

status_kafka() {
  if [[ -n ${KAFKA_BROKERS:-} ]]; then echo "kafka       external  $KAFKA_BROKERS"; return; fi
  if is_running kafka && kafka_answers; then
    echo "kafka       up        127.0.0.1:$KAFKA_PORT  pid $(cat "$(pid_file kafka)")"
  else
    echo "kafka       down"
  fi
}
