#pragma once

#include <QByteArray>
#include <QElapsedTimer>

#include <modbus/modbus.h>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "SimOptions.h"

namespace gymgate::gatesim {

// The simulated gates and the person model (DESIGN §8). Every gate keeps its state in a
// libmodbus mapping, so the Modbus servers answer straight from it; the text-protocol gate
// is a register gate too, only spoken to differently. All methods lock one mutex: the
// servers run on the I/O thread, the model ticks on the main thread.
class GateModel {
public:
    static constexpr int TextGate = 0; // gate id of the serial-text gate

    explicit GateModel(const SimOptions &options);
    ~GateModel();
    GateModel(const GateModel &) = delete;
    GateModel &operator=(const GateModel &) = delete;

    // Runs `serve` with the gate's mapping under the lock; false when there is no such gate.
    bool withMapping(int slave, const std::function<void(modbus_mapping_t *)> &serve);

    QList<int> slaves() const { return m_options.slaves; }

    // Serial text protocol: answers one command line (without line end).
    QByteArray textCommand(const QByteArray &line);
    // Events for the text line (PASS IN, FIRE 1, ...), taken once.
    std::vector<QByteArray> takeTextEvents();
    void setTextEventCallback(std::function<void()> callback);

    void tick(); // advances the person model; call every ~10 ms
    // {"gates":[{"slave":1,"opens":[in,out],"passes":[in,out],"free":false},...]}: what the gates were
    // asked to do and did, so a test can tell that no gate command was sent.
    QByteArray statsJson() const;
    void setFire(bool on);
    void setJam(bool on);

private:
    struct Lane {
        bool pending = false;
        bool willPass = false;
        qint64 attemptAtMs = 0;
        qint64 timeoutAtMs = 0;
        bool coilWasOn = false; // relay map: the driver's coil, for its rising edge
        qint64 inputHighUntilMs = 0; // relay map: passage sensor pulse
    };
    struct Gate {
        int id = 0;
        bool relay = false;
        modbus_mapping_t *mapping = nullptr;
        std::array<Lane, 2> lanes;
        std::array<int, 2> opens {}; // times a lane was released for someone
        std::array<int, 2> passes {};
    };

    void tickTurnstile(Gate &gate, int lane, qint64 nowMs);
    void tickRelay(Gate &gate, int lane, qint64 nowMs);
    void schedule(Gate &gate, int lane, qint64 nowMs, int passTimeMs);
    void countPass(Gate &gate, int lane);
    void emitEvent(const Gate &gate, int lane, const char *event);
    void applyFire(Gate &gate);
    static int passTimeMs(const Gate &gate);
    static bool isFree(const Gate &gate);

    mutable std::mutex m_mutex;
    SimOptions m_options;
    std::map<int, std::unique_ptr<Gate>> m_gates;
    std::mt19937 m_random;
    QElapsedTimer m_clock;
    bool m_fire = false;
    bool m_jam = false;
    std::vector<QByteArray> m_textEvents;
    std::function<void()> m_textEventCallback;
};

} // namespace gymgate::gatesim
