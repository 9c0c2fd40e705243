package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /v2/topology: one healthy node with one partition (the database does the rest). */
@RestController
@RequestMapping("/v2/topology")
class TopologyController {

  /** The Camunda version whose API this engine speaks. */
  static final String API_VERSION = "8.8.14";

  private final int port;

  TopologyController(@Value("${server.port:8080}") int port) {
    this.port = port;
  }

  @GetMapping
  TopologyResponse topology() {
    Partition partition =
        new Partition()
            .partitionId(1)
            .role(Partition.RoleEnum.LEADER)
            .health(Partition.HealthEnum.HEALTHY);
    BrokerInfo broker =
        new BrokerInfo()
            .nodeId(0)
            .host("127.0.0.1")
            .port(port)
            .partitions(List.of(partition))
            .version(API_VERSION);
    return new TopologyResponse()
        .brokers(List.of(broker))
        .clusterSize(1)
        .partitionsCount(1)
        .replicationFactor(1)
        .gatewayVersion(API_VERSION);
  }
}
