#pragma once

#include <QList>

#include <optional>
#include <vector>

#include "GateSimProcess.h"
#include "drivers/ModbusBus.h"

// A second Modbus client on the simulator's TCP port, independent of the driver under test, to
// read what the gate itself was told.
struct ModbusInspector {
    std::optional<gymgate::bridge::ModbusBus> bus;

    bool connect(const GateSimProcess &sim)
    {
        gymgate::bridge::TcpSettings settings;
        settings.port = sim.tcpPort;
        gymgate::Result<gymgate::bridge::ModbusBus> made = gymgate::bridge::ModbusBus::tcp(settings);
        if (!made || !made->setResponseTimeoutMs(1000) || !made->connect() || !made->setSlave(1))
            return false;
        bus.emplace(std::move(*made));
        return true;
    }

    // Empty when the read failed, so a comparison with expected values fails too.
    std::vector<quint16> holdings(int address, int count, int slave = 1)
    {
        if (!bus->setSlave(slave))
            return {};
        gymgate::Result<std::vector<quint16>> registers = bus->readHoldingRegisters(address, count);
        return registers ? *registers : std::vector<quint16> {};
    }

    // -1 when the read failed.
    int holding(int address, int slave = 1)
    {
        const std::vector<quint16> registers = holdings(address, 1, slave);
        return registers.empty() ? -1 : int(registers.front());
    }

    QList<bool> coils(int address, int count)
    {
        gymgate::Result<std::vector<bool>> bits = bus->readCoils(address, count);
        return bits ? QList<bool>(bits->begin(), bits->end()) : QList<bool> {};
    }
};
