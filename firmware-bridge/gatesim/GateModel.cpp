#include "GateModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "EventLog.h"
#include "protocol/GateProfile.h"

namespace gymgate::gatesim {

namespace {

using bridge::PermissionFree;
using bridge::TurnstileMode;

const bridge::RegisterMap kRegisters;
const bridge::RelayMap kRelay;
constexpr int kTableSize = 8;
constexpr int kDefaultPassTimeMs = 5000;
constexpr int kRelayPulseMs = 150; // long enough for a driver polling every 20-50 ms

int permissionRegister(int lane)
{
    return lane == 0 ? kRegisters.entryPermission : kRegisters.exitPermission;
}

int counterRegister(int lane)
{
    return lane == 0 ? kRegisters.entryCounter : kRegisters.exitCounter;
}

const char *laneName(int lane)
{
    return lane == 0 ? "in" : "out";
}

} // namespace

GateModel::GateModel(const SimOptions &options) : m_options(options), m_random(options.seed)
{
    m_clock.start();
    auto addGate = [this](int id, bool relay) {
        auto gate = std::make_unique<Gate>();
        gate->id = id;
        gate->relay = relay;
        gate->mapping = modbus_mapping_new_start_address(0, kTableSize, 0, kTableSize, 0, kTableSize, 0, kTableSize);
        m_gates.emplace(id, std::move(gate));
    };
    for (const int slave : options.slaves)
        addGate(slave, options.map == SimMap::Relay);
    addGate(TextGate, false);
}

GateModel::~GateModel()
{
    for (auto &[id, gate] : m_gates)
        modbus_mapping_free(gate->mapping);
}

bool GateModel::withMapping(int slave, const std::function<void(modbus_mapping_t *)> &serve)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_gates.find(slave);
    if (slave == TextGate || it == m_gates.end())
        return false;
    serve(it->second->mapping);
    return true;
}

QByteArray GateModel::textCommand(const QByteArray &line)
{
    const std::lock_guard lock(m_mutex);
    Gate &gate = *m_gates.at(TextGate);
    uint16_t *holding = gate.mapping->tab_registers;
    const QList<QByteArray> words = line.simplified().toUpper().split(' ');
    const QByteArray &verb = words.value(0);
    if (verb == "OPEN") {
        const QByteArray &side = words.value(1);
        bool ok = false;
        const int ms = words.value(2, "5000").toInt(&ok);
        if ((side != "IN" && side != "OUT") || !ok || ms <= 0)
            return "ERR bad arguments";
        holding[permissionRegister(side == "IN" ? 0 : 1)] = 1;
        holding[kRegisters.passTime] = static_cast<uint16_t>(std::min(ms, 0xFFFF));
        return "OK";
    }
    if (verb == "MODE") {
        const QByteArray &mode = words.value(1);
        TurnstileMode value = TurnstileMode::Normal;
        if (mode == "FREE")
            value = TurnstileMode::AntiPanic;
        else if (mode == "LOCKED")
            value = TurnstileMode::Blocked;
        else if (mode != "NORMAL")
            return "ERR bad mode";
        holding[kRegisters.mode] = static_cast<uint16_t>(value);
        return "OK";
    }
    if (verb == "STATUS") {
        const auto mode = static_cast<TurnstileMode>(holding[kRegisters.mode]);
        const char *name = mode == TurnstileMode::AntiPanic ? "FREE"
            : mode == TurnstileMode::Blocked                ? "LOCKED"
                                                            : "NORMAL";
        return QByteArray("STATUS ") + name + " FIRE " + (m_fire ? "1" : "0");
    }
    return "ERR unknown command";
}

std::vector<QByteArray> GateModel::takeTextEvents()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_textEvents, {});
}

void GateModel::setTextEventCallback(std::function<void()> callback)
{
    const std::lock_guard lock(m_mutex);
    m_textEventCallback = std::move(callback);
}

void GateModel::tick()
{
    const std::lock_guard lock(m_mutex);
    const qint64 nowMs = m_clock.elapsed();
    for (auto &[id, gate] : m_gates) {
        for (int lane = 0; lane < 2; ++lane) {
            if (gate->relay)
                tickRelay(*gate, lane, nowMs);
            else
                tickTurnstile(*gate, lane, nowMs);
        }
    }
}

void GateModel::setFire(bool on)
{
    const std::lock_guard lock(m_mutex);
    if (m_fire == on)
        return;
    m_fire = on;
    for (auto &[id, gate] : m_gates)
        applyFire(*gate);
    m_textEvents.push_back(on ? "FIRE 1" : "FIRE 0");
    EventLog::event({{"event", "fire"}, {"on", on}});
    if (m_textEventCallback)
        m_textEventCallback();
}

void GateModel::setJam(bool on)
{
    const std::lock_guard lock(m_mutex);
    m_jam = on;
}

void GateModel::applyFire(Gate &gate)
{
    uint16_t &sensors = gate.mapping->tab_input_registers[kRegisters.sensors];
    const auto fireMask = static_cast<uint16_t>(1U << kRegisters.fireBit);
    sensors = m_fire ? static_cast<uint16_t>(sensors | fireMask) : static_cast<uint16_t>(sensors & ~fireMask);
    // Normally-open wiring: the contact closes (input 1) on fire.
    gate.mapping->tab_input_bits[kRelay.fireInput] = m_fire ? 1 : 0;
}

int GateModel::passTimeMs(const Gate &gate)
{
    const int ms = gate.mapping->tab_registers[kRegisters.passTime];
    return ms > 0 ? ms : kDefaultPassTimeMs;
}

void GateModel::schedule(Gate &gate, int laneIndex, qint64 nowMs, int passTime)
{
    Lane &lane = gate.lanes[static_cast<size_t>(laneIndex)];
    ++gate.opens[static_cast<size_t>(laneIndex)];
    std::uniform_int_distribution<int> delay(m_options.passDelayMinMs, m_options.passDelayMaxMs);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    lane.pending = true;
    lane.attemptAtMs = nowMs + delay(m_random);
    lane.willPass = chance(m_random) < m_options.passProbability;
    lane.timeoutAtMs = nowMs + passTime;
}

// Free passage (0xFFFF or anti-panic) stays open without a simulated crowd: nobody is
// scheduled, so it never times out either.
void GateModel::tickTurnstile(Gate &gate, int laneIndex, qint64 nowMs)
{
    Lane &lane = gate.lanes[static_cast<size_t>(laneIndex)];
    uint16_t &permission = gate.mapping->tab_registers[permissionRegister(laneIndex)];
    const auto mode = static_cast<TurnstileMode>(gate.mapping->tab_registers[kRegisters.mode]);
    const bool free = mode == TurnstileMode::AntiPanic || permission == PermissionFree;
    const bool open = mode != TurnstileMode::Blocked && !free && permission > 0;
    if (!open) {
        lane.pending = false;
        return;
    }
    if (!lane.pending) {
        schedule(gate, laneIndex, nowMs, passTimeMs(gate));
        return;
    }
    if (lane.willPass && !m_jam && nowMs >= lane.attemptAtMs) {
        --permission;
        countPass(gate, laneIndex);
        lane.pending = false;
        return;
    }
    if (nowMs >= lane.timeoutAtMs) {
        permission = 0;
        lane.pending = false;
        emitEvent(gate, laneIndex, "timeout");
    }
}

void GateModel::tickRelay(Gate &gate, int laneIndex, qint64 nowMs)
{
    Lane &lane = gate.lanes[static_cast<size_t>(laneIndex)];
    const int coil = laneIndex == 0 ? kRelay.entryCoil : kRelay.exitCoil;
    const int input = laneIndex == 0 ? kRelay.entryInput : kRelay.exitInput;
    const bool coilOn = gate.mapping->tab_bits[coil] != 0;
    if (coilOn && !lane.coilWasOn)
        schedule(gate, laneIndex, nowMs, passTimeMs(gate));
    lane.coilWasOn = coilOn;
    if (lane.inputHighUntilMs != 0 && nowMs >= lane.inputHighUntilMs) {
        gate.mapping->tab_input_bits[input] = 0;
        lane.inputHighUntilMs = 0;
    }
    if (!lane.pending)
        return;
    if (lane.willPass && !m_jam && nowMs >= lane.attemptAtMs) {
        gate.mapping->tab_input_bits[input] = 1;
        lane.inputHighUntilMs = nowMs + kRelayPulseMs;
        lane.pending = false;
        countPass(gate, laneIndex);
        return;
    }
    if (nowMs >= lane.timeoutAtMs) {
        lane.pending = false;
        emitEvent(gate, laneIndex, "timeout");
    }
}

void GateModel::countPass(Gate &gate, int laneIndex)
{
    ++gate.passes[static_cast<size_t>(laneIndex)];
    uint16_t *counter = gate.mapping->tab_input_registers + counterRegister(laneIndex);
    const quint32 value = (quint32(counter[0]) << 16 | counter[1]) + 1;
    counter[0] = static_cast<uint16_t>(value >> 16);
    counter[1] = static_cast<uint16_t>(value & 0xFFFF);
    emitEvent(gate, laneIndex, "passed");
}

void GateModel::emitEvent(const Gate &gate, int laneIndex, const char *event)
{
    if (gate.id == TextGate) {
        const QByteArray side = laneIndex == 0 ? "IN" : "OUT";
        m_textEvents.push_back((qstrcmp(event, "passed") == 0 ? "PASS " : "TIMEOUT ") + side);
        if (m_textEventCallback)
            m_textEventCallback();
    }
    QJsonObject object {{"event", event}, {"direction", laneName(laneIndex)}};
    if (gate.id == TextGate)
        object.insert("gate", "text");
    else
        object.insert("slave", gate.id);
    EventLog::event(object);
}

// Both ways open for anyone: anti-panic mode or unlimited permissions (turnstile), both coils
// held on (relay).
bool GateModel::isFree(const Gate &gate)
{
    if (gate.relay)
        return gate.mapping->tab_bits[kRelay.entryCoil] != 0 && gate.mapping->tab_bits[kRelay.exitCoil] != 0;
    const uint16_t *holding = gate.mapping->tab_registers;
    return static_cast<TurnstileMode>(holding[kRegisters.mode]) == TurnstileMode::AntiPanic
        || (holding[permissionRegister(0)] == PermissionFree && holding[permissionRegister(1)] == PermissionFree);
}

QByteArray GateModel::statsJson() const
{
    std::lock_guard lock(m_mutex);
    QJsonArray gates;
    for (const auto &[id, gate] : m_gates) {
        QJsonObject object {{"opens", QJsonArray {gate->opens[0], gate->opens[1]}},
            {"passes", QJsonArray {gate->passes[0], gate->passes[1]}}, {"free", isFree(*gate)}};
        if (id == TextGate)
            object.insert("gate", "text");
        else
            object.insert("slave", id);
        gates.append(object);
    }
    return QJsonDocument(QJsonObject {{"gates", gates}}).toJson(QJsonDocument::Compact);
}

} // namespace gymgate::gatesim
