#include "SodiumRandomHook.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace gymgate {
namespace {

struct HookState {
    std::array<unsigned char, crypto_generichash_KEYBYTES> streamKey {};
    QByteArray context;
    quint64 counter = 0;
    bool deterministic = false;
};

HookState &state()
{
    static HookState instance;
    return instance;
}

const char *hookName()
{
    return "gymgate-datagen";
}

void deterministicBytes(unsigned char *out, size_t size)
{
    HookState &hook = state();
    std::array<unsigned char, crypto_generichash_BYTES_MAX> block {};
    while (size > 0) {
        QByteArray message = hook.context;
        const quint64 counter = hook.counter++;
        message.append(reinterpret_cast<const char *>(&counter), sizeof counter);
        crypto_generichash(block.data(), block.size(), reinterpret_cast<const unsigned char *>(message.constData()),
            static_cast<unsigned long long>(message.size()), hook.streamKey.data(), hook.streamKey.size());
        const size_t chunk = std::min(size, block.size());
        std::memcpy(out, block.data(), chunk);
        out += chunk;
        size -= chunk;
    }
}

void hookBuf(void *const out, const size_t size)
{
    if (state().deterministic)
        deterministicBytes(static_cast<unsigned char *>(out), size);
    else
        randombytes_sysrandom_implementation.buf(out, size);
}

uint32_t hookRandom()
{
    uint32_t value = 0;
    hookBuf(&value, sizeof value);
    return value;
}

void hookStir()
{
    if (randombytes_sysrandom_implementation.stir)
        randombytes_sysrandom_implementation.stir();
}

int hookClose()
{
    return randombytes_sysrandom_implementation.close ? randombytes_sysrandom_implementation.close() : 0;
}

randombytes_implementation hookImplementation = {hookName, hookRandom, hookStir, nullptr, hookBuf, hookClose};

} // namespace

bool SodiumRandomHook::install()
{
    return randombytes_set_implementation(&hookImplementation) == 0 && sodium_init() >= 0;
}

void SodiumRandomHook::setStreamKey(const QByteArray &key)
{
    HookState &hook = state();
    hook.streamKey.fill(0);
    std::memcpy(hook.streamKey.data(), key.constData(), std::min(size_t(key.size()), hook.streamKey.size()));
}

SodiumRandomHook::Scope::Scope(QByteArrayView context)
{
    HookState &hook = state();
    hook.context = context.toByteArray();
    hook.counter = 0;
    hook.deterministic = true;
}

SodiumRandomHook::Scope::~Scope()
{
    HookState &hook = state();
    hook.deterministic = false;
    hook.context.clear();
}

} // namespace gymgate
