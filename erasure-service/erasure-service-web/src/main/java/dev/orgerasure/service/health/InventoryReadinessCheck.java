package dev.orgerasure.service.health;

import dev.orgerasure.service.inventory.ApplicationInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the data inventory matches the database; else each problem is in the answer. */
@Readiness
@ApplicationScoped
public class InventoryReadinessCheck implements HealthCheck {

  @Inject private ApplicationInventory inventory;

  @Override
  public HealthCheckResponse call() {
    List<String> problems = inventory.problems();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("data-inventory").status(problems.isEmpty());
    for (int i = 0; i < problems.size(); i++) {
      response.withData("problem-" + (i + 1), problems.get(i));
    }
    return response.build();
  }
}
