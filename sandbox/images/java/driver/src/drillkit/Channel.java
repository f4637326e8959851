package drillkit;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;

/** JSON lines over the inherited socket (DRILLKIT_CHANNEL_FD), read and written with plain read(2)/write(2). */
final class Channel {
    static final int MAX_MESSAGE = 32 * 1024 * 1024;

    /** The other side closed the channel: the grading is over, or the test process gave up on this process.
     *  An Error, like ProtocolException, so that no {@code catch (Exception e)} in a submission swallows it. */
    static final class Closed extends Error {
        Closed() {
            super(null, null, false, false);
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;

    Channel(FileDescriptor fd) {
        this(new FileInputStream(fd), new FileOutputStream(fd));
    }

    Channel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The descriptor number as a FileDescriptor (no public API takes one; java.io is opened to us for this). */
    static FileDescriptor descriptor(int fd) throws ReflectiveOperationException {
        FileDescriptor descriptor = new FileDescriptor();
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        field.setInt(descriptor, fd);
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> recv() {
        int scanned = start;
        while (true) {
            for (int k = scanned; k < end; k++) {
                if (buf[k] == '\n') {
                    Object message = Json.parse(buf, start, k);
                    start = k + 1;
                    if (start == end) {
                        start = end = 0;
                        if (buf.length > (1 << 20)) buf = new byte[1 << 16];  // a huge message's buffer is not kept
                    }
                    if (!(message instanceof Map)) throw new ProtocolException("a message that is not a JSON object");
                    return (Map<String, Object>) message;
                }
            }
            scanned = end;
            if (end - start > MAX_MESSAGE) throw new ProtocolException("a message longer than " + MAX_MESSAGE + " bytes");
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    scanned -= start;
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (IOException e) {
                throw new Closed();
            }
            if (n < 0) throw new Closed();
            end += n;
        }
    }

    void send(Out message) {
        message.ch('\n');
        try {
            out.write(message.buf, 0, message.len);
        } catch (IOException e) {
            throw new Closed();
        }
    }
}
