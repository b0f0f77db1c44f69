package io.qmq.bootstrap.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address a node advertises when {@code node.host} is {@code auto}: clients elsewhere must be
 * able to reach it, so a loopback address is the last resort. Interfaces are taken in index order so
 * that repeated starts pick the same address.
 */
final class HostAddress {

    static final String LOOPBACK = "127.0.0.1";

    private HostAddress() {
    }

    static String detect() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
            for (NetworkInterface candidate : interfaces) {
                Optional<String> address = usableAddress(candidate);
                if (address.isPresent()) {
                    return address.get();
                }
            }
        } catch (SocketException e) {
            // an unreadable interface list is no reason to refuse to start: loopback still serves local clients
            return LOOPBACK;
        }
        return LOOPBACK;
    }

    private static Optional<String> usableAddress(NetworkInterface candidate) throws SocketException {
        if (!candidate.isUp() || candidate.isLoopback() || candidate.isVirtual()) {
            return Optional.empty();
        }
        for (InetAddress address : Collections.list(candidate.getInetAddresses())) {
            if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                return Optional.of(address.getHostAddress());
            }
        }
        return Optional.empty();
    }
}
