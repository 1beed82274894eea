package org.savingsledger.ops.bench;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap of another JVM on this machine, read over JMX: the Attach API starts that JVM's local
 * management agent (reachable from this machine only, by the same user) and answers its address,
 * so the JVM measured needs no JMX port or option of its own.
 */
final class RemoteHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final List<MemoryPoolMXBean> heapPools;
    private final MemoryMXBean memory;

    private RemoteHeap(JMXConnector connector, List<MemoryPoolMXBean> heapPools, MemoryMXBean memory) {
        this.connector = connector;
        this.heapPools = heapPools;
        this.memory = memory;
    }

    static RemoteHeap attach(long pid) throws IOException {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        List<MemoryPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        return new RemoteHeap(connector, pools, ManagementFactory.getPlatformMXBean(server, MemoryMXBean.class));
    }

    /** From now on, {@link #peakUsed()} counts. */
    void resetPeaks() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * The sum of the heap pools' peaks since {@link #resetPeaks()}: an upper bound of the heap in use at
     * any one moment (the pools need not peak together), garbage not yet collected included.
     */
    long peakUsed() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The most heap the JVM may use ({@code -Xmx}). */
    long max() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
