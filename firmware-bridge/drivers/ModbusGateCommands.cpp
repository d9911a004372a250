#include "drivers/ModbusGateCommands.h"

#include <utility>

#include "drivers/ModbusBus.h"

namespace gymgate::bridge {

Status writeGateMode(ModbusBus &bus, const GateProfile &profile, GateMode mode)
{
    const bool free = mode == GateMode::Free;
    if (profile.kind == ProfileKind::Relay) {
        Status written = bus.writeCoil(profile.relay.entryCoil, free);
        return written ? bus.writeCoil(profile.relay.exitCoil, free) : written;
    }
    const RegisterMap &map = profile.registers;
    const auto modeValue = quint16(mode == GateMode::Locked ? TurnstileMode::Blocked : TurnstileMode::Normal);
    const quint16 permission = free ? PermissionFree : 0;
    for (const auto &[address, value] : {std::pair {map.mode, modeValue}, std::pair {map.entryPermission, permission},
             std::pair {map.exitPermission, permission}}) {
        if (Status written = bus.writeRegister(address, value); !written)
            return written;
    }
    return {};
}

} // namespace gymgate::bridge
