/**
 * Acceptance scenarios: real nodes driven through real clients, in three layers.
 *
 * <ul>
 *   <li>Scenarios ({@code *AcceptanceTest}) say what happens, in the words of
 *       {@link io.qmq.acceptance.dsl.Given}, {@link io.qmq.acceptance.dsl.When} and
 *       {@link io.qmq.acceptance.dsl.Then}, reached through a {@link io.qmq.acceptance.dsl.Scenario}
 *       field. They use short names ("orders", "billing") and never touch Netty, files or SQL.</li>
 *   <li>The DSL ({@code dsl}) makes names unique per scenario, fills in defaults, keys every message so
 *       it can be followed across retries and clients, and waits with bounded patience.</li>
 *   <li>Drivers ({@code driver}) speak to the system: the stock QMQ client 1.1.43 and ours behind one
 *       {@link io.qmq.acceptance.driver.ClientDriver}, and nodes in this JVM or in a child JVM that can
 *       be killed with SIGKILL and restarted.</li>
 * </ul>
 *
 * <p>Scenarios that make sense for both clients take a {@link io.qmq.acceptance.driver.ClientKind}
 * parameter. Each scenario gets its own run directory under {@code target/acceptance-runs} with the
 * node's data and, for child nodes, their output.
 */
package io.qmq.acceptance;
