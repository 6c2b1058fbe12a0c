package dev.patchbay.outbound.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where host names become addresses: the system resolver, or a scripted one in tests. */
@FunctionalInterface
interface HostLookup {

    HostLookup SYSTEM = InetAddress::getAllByName;

    InetAddress[] lookup(String host) throws UnknownHostException;
}
