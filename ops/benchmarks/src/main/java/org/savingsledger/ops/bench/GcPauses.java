package org.savingsledger.ops.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The garbage collections of this JVM while recording, from the collectors' notifications: how many, their
 * time in all and the longest, so that a latency tail can be set beside the collector's pauses of the same
 * minutes. A collector whose notifications report concurrent work (no pause) is left out by name.
 */
final class GcPauses implements AutoCloseable {

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private volatile boolean recording;
    private long count;
    private long totalMillis;
    private long longestMillis;
    private String longestName = "";

    GcPauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    void recording(boolean on) {
        recording = on;
    }

    private void collected(Notification notification, Object handback) {
        if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) {
            // G1's and ZGC's concurrent phases: work beside the application, not a pause
            return;
        }
        long millis = info.getGcInfo().getDuration();
        synchronized (this) {
            count++;
            totalMillis += millis;
            if (millis >= longestMillis) {
                longestMillis = millis;
                longestName = info.getGcName() + " (" + info.getGcCause() + ")";
            }
        }
    }

    synchronized String summary() {
        return count == 0 ? "no collection" : String.format(java.util.Locale.ROOT, "%,d collections, %,d ms in all, the longest %,d ms (%s)",
                count, totalMillis, longestMillis, longestName);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
