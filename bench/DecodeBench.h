#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct DecodeBenchOptions {
    int iterations = 300; // timed decodes per decoder and frame kind
    int framesPerKind = 8; // different synthetic frames, decoded in turn
    quint64 seed = 1;
    bool sweep = false; // also time ZXing's other option sets (how QrDecoder's were chosen)
    QString testDataDir; // tests/data/qr, for the sweep's read count on the test images
};

// QR decode time of camera-like frames, 640x480 and 1280x720, with and without a code: ZXing
// through QrDecoder, and zbar (when built with it) on the same frames in the same process.
// Frames are 8-bit grey (a camera's Y plane): a desk scene with text-like clutter, soft focus
// and sensor noise; the code is a printed member card at 20-35% of the frame width, turned a
// few degrees. Per decoder and frame kind: read rate (right text) and p50/p99/mean in ms.
Result<QJsonObject> runDecodeBench(const DecodeBenchOptions &options);

} // namespace gymgate
