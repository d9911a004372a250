#include "EntryBench.h"

#include "core/AccessReason.h"
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "core/EntryService.h"
#include "core/GateSupervisor.h"
#include "scan/SerialScanner.h"
#include "store/Database.h"
#include "store/GateRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include "BenchStats.h"
#include "GateSimulator.h"
#include "drivers/ModbusGateDriver.h"
#include "drivers/ModbusLine.h"
#include "protocol/GateProfile.h"

namespace gymgate {
namespace {

constexpr int CheckpointPeriodMs = 2000; // as EntryStation
constexpr int ReadyWaitMs = 5000;
constexpr int ScanWaitMs = 15'000; // longer than any pass timeout the gate profile may have

// One clock for every timestamp, on every thread: the bench, the Qt slots and the tap.
qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::unexpected<Error> errnoFailure(const QString &what)
{
    return fail(ErrorCode::Io, QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))));
}

// A Modbus write request (function 0x06 or 0x10) as the tap saw it leave the driver.
struct WireWrite {
    qint64 atNs = 0; // when its last byte was read off the client socket
    int unitId = 0;
    int address = 0;
    int value = 0; // the first register written
};

// A byte-forwarding TCP proxy between the Modbus driver and the simulator, on a thread of its
// own with poll(). It parses the client -> server stream into MBAP frames and timestamps every
// write request; everything else (polls, answers) is forwarded untouched. One client at a
// time: a reconnecting driver replaces the previous connection.
class ModbusTap {
public:
    ModbusTap() = default;
    ModbusTap(const ModbusTap &) = delete;
    ModbusTap &operator=(const ModbusTap &) = delete;
    ~ModbusTap()
    {
        stop();
        for (int fd : {m_listenFd, m_wake[0], m_wake[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    Status listen(int port)
    {
        if (::pipe2(m_wake.data(), O_CLOEXEC) != 0)
            return errnoFailure(QStringLiteral("pipe"));
        m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_listenFd < 0)
            return errnoFailure(QStringLiteral("socket"));
        const int on = 1;
        ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        const sockaddr_in address = loopback(port);
        if (::bind(m_listenFd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_listenFd, 4) != 0)
            return errnoFailure(QStringLiteral("cannot listen on the gate's port 127.0.0.1:%1").arg(port));
        return {};
    }

    void start(int upstreamPort)
    {
        m_upstreamPort = upstreamPort;
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        const char byte = 0;
        [[maybe_unused]] const ssize_t written = ::write(m_wake[1], &byte, 1);
        m_thread.join();
    }

    std::vector<WireWrite> takeWrites()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_writes, {});
    }

    int connections() const { return m_connections.load(); }

private:
    static sockaddr_in loopback(int port)
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return address;
    }

    void run()
    {
        while (true) {
            std::array<pollfd, 4> fds {
                {{m_wake[0], POLLIN, 0}, {m_listenFd, POLLIN, 0}, {m_clientFd, POLLIN, 0}, {m_serverFd, POLLIN, 0}}};
            if (::poll(fds.data(), fds.size(), -1) < 0) {
                if (errno == EINTR)
                    continue;
                break;
            }
            if (fds[0].revents)
                break;
            if (fds[1].revents & POLLIN)
                accept();
            if (fds[2].revents && !forward(m_clientFd, m_serverFd, true))
                disconnect();
            if (fds[3].revents && !forward(m_serverFd, m_clientFd, false))
                disconnect();
        }
        disconnect();
    }

    void accept()
    {
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            return;
        disconnect();
        const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const sockaddr_in address = loopback(m_upstreamPort);
        if (server < 0 || ::connect(server, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
            ::close(client);
            if (server >= 0)
                ::close(server);
            return;
        }
        // Like the driver and the simulator: every frame goes out at once.
        const int on = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        m_clientFd = client;
        m_serverFd = server;
        m_request.clear();
        ++m_connections;
    }

    void disconnect()
    {
        for (int *fd : {&m_clientFd, &m_serverFd}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }

    bool forward(int from, int to, bool isRequest)
    {
        std::array<char, 4096> buffer {};
        const ssize_t got = ::read(from, buffer.data(), buffer.size());
        if (got <= 0)
            return got < 0 && errno == EINTR;
        const qint64 atNs = steadyNowNs();
        if (isRequest)
            parseRequests(QByteArrayView(buffer.data(), got), atNs);
        for (ssize_t sent = 0; sent < got;) {
            const ssize_t n = ::write(to, buffer.data() + sent, size_t(got - sent));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    static int word(const QByteArray &bytes, qsizetype at)
    {
        return (quint8(bytes.at(at)) << 8) | quint8(bytes.at(at + 1));
    }

    // MBAP: transaction (2), protocol (2), length (2, counts the unit id and the PDU), unit id (1), PDU.
    void parseRequests(QByteArrayView bytes, qint64 atNs)
    {
        m_request.append(bytes);
        while (m_request.size() >= 8) {
            const int length = word(m_request, 4);
            if (length < 2 || length > 254) { // not Modbus TCP: resynchronising is not worth it here
                m_request.clear();
                return;
            }
            const qsizetype frameSize = 6 + length;
            if (m_request.size() < frameSize)
                return;
            const int function = quint8(m_request.at(7));
            if ((function == 0x06 && length >= 6) || (function == 0x10 && length >= 9)) {
                WireWrite write;
                write.atNs = atNs;
                write.unitId = quint8(m_request.at(6));
                write.address = word(m_request, 8);
                write.value = word(m_request, function == 0x06 ? 10 : 13);
                std::lock_guard lock(m_mutex);
                m_writes.push_back(write);
            }
            m_request.remove(0, frameSize);
        }
    }

    std::array<int, 2> m_wake {-1, -1};
    int m_listenFd = -1;
    int m_clientFd = -1; // tap thread only
    int m_serverFd = -1; // tap thread only
    int m_upstreamPort = 0;
    QByteArray m_request; // tap thread only: client bytes not yet a whole frame
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<WireWrite> m_writes;
    std::atomic<int> m_connections {0};
};

// The scanner's cable: the bench writes into the master, the SerialScanner reads the slave.
class PseudoTerminal {
public:
    PseudoTerminal() = default;
    PseudoTerminal(const PseudoTerminal &) = delete;
    PseudoTerminal &operator=(const PseudoTerminal &) = delete;
    ~PseudoTerminal()
    {
        if (m_master >= 0)
            ::close(m_master);
    }

    Status open()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            return errnoFailure(QStringLiteral("cannot create a pty"));
        m_slavePath = QString::fromLocal8Bit(::ptsname(m_master));
        return {};
    }

    const QString &slavePath() const { return m_slavePath; }

    bool writeLine(const QByteArray &line) const
    {
        return ::write(m_master, line.constData(), size_t(line.size())) == line.size();
    }

private:
    int m_master = -1;
    QString m_slavePath;
};

// Card codes of distinct members in a random but repeatable order.
Result<QList<QByteArray>> sampleCodes(Database &db, quint64 seed)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT member_id, code FROM credential WHERE revoked_at IS NULL AND type = 'card' "
                                 "ORDER BY (rowid * :seed) % 1000003"));
    query.bindValue(QStringLiteral(":seed"), qint64(seed % 1000003 + 7919));
    if (!query.exec())
        return fail(ErrorCode::Storage, QStringLiteral("cannot read credentials"));
    QList<QByteArray> codes;
    QSet<QString> members;
    while (query.next()) {
        const QString member = query.value(0).toString();
        if (members.contains(member))
            continue;
        members.insert(member);
        codes.append(query.value(1).toString().toLatin1());
    }
    return codes;
}

Result<QJsonObject> countRows(Database &db)
{
    QJsonObject gym;
    for (const char *table : {"member", "member_card", "booking", "entry"}) {
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)) || !query.next())
            return fail(ErrorCode::Storage, QStringLiteral("cannot count %1").arg(QLatin1String(table)));
        gym.insert(QLatin1String(table), query.value(0).toLongLong());
    }
    return gym;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

// What one fsync of a 4 KiB append costs next to the database now: every granted scan commits
// once with synchronous=FULL, so this is the floor under the decision part.
QJsonObject fsyncFloor(const QString &databasePath)
{
    const QByteArray path = QFile::encodeName(databasePath + QStringLiteral(".fsync-probe"));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return {};
    const QByteArray page(4096, 'x');
    QList<qint64> samplesNs;
    for (int i = 0; i < 100; ++i) {
        if (::write(fd, page.constData(), size_t(page.size())) != page.size())
            break;
        const qint64 startNs = steadyNowNs();
        if (::fsync(fd) != 0)
            break;
        samplesNs.append(steadyNowNs() - startNs);
    }
    ::close(fd);
    ::unlink(path.constData());
    return summarize(samplesNs).toJson();
}

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
template<typename Signal, typename Sender>
bool waitUntil(Sender *sender, Signal signal, const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, [&loop] { loop.exit(1); });
    QObject::connect(sender, signal, &loop, [&loop, &done] {
        if (done())
            loop.exit(0);
    });
    return loop.exec() == 0;
}

// Timestamps of one scan, filled in by the slots as the scan moves through the entry path.
struct ScanTrace {
    qint64 writtenNs = 0; // t0: the line went into the pty
    qint64 scannedNs = 0; // SerialScanner::scanned
    qint64 openingNs = 0; // entryUpdated(Opening): decided, persisted, about to command the gate
    EntryPhase finalPhase = EntryPhase::Invalid;
    AccessReason reason = AccessReason::Invalid;
    bool submitFailed = false;
};

bool isFinal(EntryPhase phase)
{
    return phase == EntryPhase::Denied || phase == EntryPhase::Passed || phase == EntryPhase::NotPassed
        || phase == EntryPhase::GateFault || phase == EntryPhase::Busy;
}

struct Samples {
    QList<qint64> scanToWireNs;
    QList<qint64> scanToOpeningNs;
    QList<qint64> scannerNs; // t0 -> scanned
    QList<qint64> decisionNs; // scanned -> Opening
    QList<qint64> driverNs; // Opening -> write on the wire
    int scans = 0;
    int denied = 0;
    int notPassed = 0;
    int gateFaults = 0;
    int busy = 0;
    int noWriteSeen = 0;
    QMap<QString, int> deniedReasons;
};

QJsonObject toJson(const QMap<QString, int> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// Everything the gate PC wires for one gate, as EntryStation does (only the main gate here).
class EntryRig {
public:
    EntryRig(Database &db, const Clock &clock, const QTimeZone &siteTimeZone, const bridge::GateProfile &profile)
        : m_trust(db), m_data(db), m_ledger(db), m_line(bridge::ModbusLine::create(profile)), m_driver(m_line, profile)
    {
        SettingRepository settings(db);
        CredentialPolicy credentialPolicy;
        credentialPolicy.legacyCodesAllowed = settings.boolValue(QStringLiteral("access.legacy_codes"), false);
        EntrySettings entrySettings;
        entrySettings.passTimeoutMs = int(settings.intValue(QStringLiteral("gate.pass_timeout_ms"), 10'000));
        m_verifier = std::make_unique<CredentialVerifier>(m_trust, clock, credentialPolicy);
        m_decisions
            = std::make_unique<DecisionService>(*m_verifier, m_data, m_ledger, clock, AccessPolicy(), siteTimeZone);
        m_entries = std::make_unique<EntryService>(*m_decisions, m_ledger, m_supervisor, clock, entrySettings);
    }
    ~EntryRig() { m_supervisor.stop(); }

    Status wire(const GateConfig &gate)
    {
        if (!m_trust.lastError().isEmpty())
            return fail(ErrorCode::Storage, m_trust.lastError());
        const FailPolicy policy = gate.failMode == GateFailMode::Open ? FailPolicy::FailOpen : FailPolicy::FailSecure;
        m_supervisor.addGate({gate.id, policy, 3}, &m_driver);
        if (Status added = m_entries->addLane({gate.id, gate.id, gate.zoneId, Direction::In}); !added)
            return added;
        return m_entries->addLane({gate.id + QStringLiteral(":out"), gate.id, gate.zoneId, Direction::Out});
    }

    GateSupervisor &supervisor() { return m_supervisor; }
    EntryService &entries() { return *m_entries; }

private:
    SqlTrustStore m_trust;
    SqlAccessDataSource m_data;
    SqlEntryLedger m_ledger;
    std::unique_ptr<CredentialVerifier> m_verifier;
    std::unique_ptr<DecisionService> m_decisions;
    GateSupervisor m_supervisor;
    std::shared_ptr<bridge::ModbusLine> m_line;
    bridge::ModbusGateDriver m_driver;
    std::unique_ptr<EntryService> m_entries;
};

struct GateUnderTest {
    GateConfig config;
    bridge::GateProfile profile;
};

Result<GateUnderTest> mainGate(Database &db)
{
    Result<std::optional<GateConfig>> gate = GateRepository(db).mainEntrance();
    if (!gate)
        return std::unexpected(gate.error());
    if (!*gate)
        return fail(ErrorCode::NotFound, QStringLiteral("no entry gate into a gym floor in the database"));
    Result<bridge::GateProfile> profile = bridge::gateProfileFromJson((*gate)->profile);
    if (!profile)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("the main gate has no usable profile (make the gym with gymgate-datagen --gate-port): %1")
                .arg(profile.error().message));
    if (profile->kind != bridge::ProfileKind::TurnstileRegisters
        || profile->transport != bridge::TransportKind::ModbusTcp)
        return fail(ErrorCode::InvalidArgument,
            QStringLiteral("the main gate must be a turnstile-registers gate on Modbus TCP"));
    return GateUnderTest {**gate, *profile};
}

// The release command of this scan: the first write of the lane's permission register (entry
// or exit) of the gate's slave after the line was written.
std::optional<qint64> releaseSeenNs(
    const std::vector<WireWrite> &writes, const bridge::GateProfile &profile, Direction direction, qint64 afterNs)
{
    const int address
        = direction == Direction::Out ? profile.registers.exitPermission : profile.registers.entryPermission;
    for (const WireWrite &write : writes) {
        if (write.atNs >= afterNs && write.unitId == profile.slaveId && write.address == address && write.value != 0)
            return write.atNs;
    }
    return std::nullopt;
}

struct Lane {
    QString id;
    Direction direction = Direction::Invalid;
};

class EntryRun {
public:
    EntryRun(const EntryBenchOptions &options, Database &db, const GateUnderTest &gate, EntryService &entries,
        ModbusTap &tap, const PseudoTerminal &pty)
        : m_options(options), m_db(db), m_gate(gate), m_entries(entries), m_tap(tap), m_pty(pty)
    { }

    Status connectScanner(SerialScanner &scanner)
    {
        // Timestamp first: slots run in the order they were connected.
        QObject::connect(&scanner, &ScanSource::scanned, &scanner, [this] { m_trace.scannedNs = steadyNowNs(); });
        QObject::connect(&scanner, &ScanSource::scanned, &scanner, [this](const QString &text) {
            // What EntryStation::addScanSource does with a scanned line.
            if (Result<EntryPhase> first = m_entries.submitScan(m_lane.id, text.toUtf8()); !first)
                m_trace.submitFailed = true;
        });
        QObject::connect(&m_entries, &EntryService::entryUpdated, &scanner, [this](const EntryUpdate &update) {
            if (update.phase == EntryPhase::Opening)
                m_trace.openingNs = steadyNowNs();
            if (isFinal(update.phase)) {
                m_trace.finalPhase = update.phase;
                m_trace.reason = update.scan.decision.reason;
            }
        });
        if (Status started = scanner.start(); !started)
            return started;
        if (!waitUntil(
                &scanner, &ScanSource::connectedChanged, [&scanner] { return scanner.isConnected(); }, ReadyWaitMs))
            return fail(ErrorCode::Timeout, QStringLiteral("the scanner did not open %1").arg(m_pty.slavePath()));
        return {};
    }

    // Each member walks in and, once through, out again by the same gate: the floor's occupancy
    // stays flat, so capacity never starts refusing people halfway through the run.
    Status run(const QList<QByteArray> &codes)
    {
        QTimer checkpointTimer;
        QObject::connect(&checkpointTimer, &QTimer::timeout, [this] {
            if (Result<int> copied = m_db.checkpoint(); copied)
                ++m_checkpoints;
        });
        checkpointTimer.start(CheckpointPeriodMs);

        const Lane in {m_gate.config.id, Direction::In};
        const Lane out {m_gate.config.id + QStringLiteral(":out"), Direction::Out};
        for (qsizetype i = 0; i < codes.size() && m_in.scanToWireNs.size() < m_options.iterations; ++i) {
            const bool measured = i >= m_options.warmup;
            if (Status scanned = scanOnce(in, codes.at(i)); !scanned)
                return scanned;
            if (measured)
                record(in, m_in);
            if (m_trace.finalPhase != EntryPhase::Passed)
                continue;
            if (Status scanned = scanOnce(out, codes.at(i)); !scanned)
                return scanned;
            if (measured)
                record(out, m_out);
        }
        if (m_in.scanToWireNs.size() < m_options.iterations)
            return fail(ErrorCode::NotFound,
                QStringLiteral("the gym ran out of member codes after %1 granted scans").arg(m_in.scanToWireNs.size()));
        return {};
    }

    const Samples &entrySamples() const { return m_in; }
    const Samples &exitSamples() const { return m_out; }
    int checkpoints() const { return m_checkpoints; }

private:
    Status scanOnce(const Lane &lane, const QByteArray &code)
    {
        m_tap.takeWrites(); // whatever the previous scan or polling left
        m_lane = lane;
        m_trace = ScanTrace {};
        m_trace.writtenNs = steadyNowNs();
        if (!m_pty.writeLine(code + '\r'))
            return errnoFailure(QStringLiteral("cannot write to the pty"));
        const bool finished = waitUntil(
            &m_entries, &EntryService::entryUpdated,
            [this] { return m_trace.finalPhase != EntryPhase::Invalid || m_trace.submitFailed; }, ScanWaitMs);
        if (m_trace.submitFailed)
            return fail(ErrorCode::Storage, QStringLiteral("the entry service failed a scan"));
        if (!finished)
            return fail(ErrorCode::Timeout, QStringLiteral("a scan did not finish within %1 ms").arg(ScanWaitMs));
        m_writes = m_tap.takeWrites();
        return {};
    }

    void record(const Lane &lane, Samples &samples) const
    {
        ++samples.scans;
        switch (m_trace.finalPhase) {
        case EntryPhase::Denied:
            ++samples.denied;
            samples.deniedReasons[QString::fromLatin1(accessReasonCode(m_trace.reason))] += 1;
            return;
        case EntryPhase::Busy:
            ++samples.busy;
            return;
        case EntryPhase::NotPassed:
            ++samples.notPassed;
            break;
        case EntryPhase::GateFault:
            ++samples.gateFaults;
            break;
        default:
            break;
        }
        const std::optional<qint64> wireNs = releaseSeenNs(m_writes, m_gate.profile, lane.direction, m_trace.writtenNs);
        if (!wireNs || m_trace.openingNs == 0) {
            ++samples.noWriteSeen;
            return;
        }
        samples.scanToWireNs.append(*wireNs - m_trace.writtenNs);
        samples.scanToOpeningNs.append(m_trace.openingNs - m_trace.writtenNs);
        samples.scannerNs.append(m_trace.scannedNs - m_trace.writtenNs);
        samples.decisionNs.append(m_trace.openingNs - m_trace.scannedNs);
        samples.driverNs.append(*wireNs - m_trace.openingNs);
    }

    const EntryBenchOptions &m_options;
    Database &m_db;
    const GateUnderTest &m_gate;
    EntryService &m_entries;
    ModbusTap &m_tap;
    const PseudoTerminal &m_pty;
    Lane m_lane; // where the scanner's next line goes
    ScanTrace m_trace;
    std::vector<WireWrite> m_writes;
    Samples m_in;
    Samples m_out;
    int m_checkpoints = 0;
};

// One lane's figures: counts, the end-to-end latency and its three parts.
QJsonObject laneReport(const Samples &samples)
{
    const QJsonObject parts {{QStringLiteral("scanner_pty_to_scanned"), summarize(samples.scannerNs).toJson()},
        {QStringLiteral("decision_scanned_to_opening"), summarize(samples.decisionNs).toJson()},
        {QStringLiteral("driver_opening_to_wire"), summarize(samples.driverNs).toJson()}};
    return QJsonObject {{QStringLiteral("scans"), samples.scans},
        {QStringLiteral("granted"), samples.scanToWireNs.size()}, {QStringLiteral("denied"), samples.denied},
        {QStringLiteral("denied_reasons"), toJson(samples.deniedReasons)},
        {QStringLiteral("not_passed"), samples.notPassed}, {QStringLiteral("gate_faults"), samples.gateFaults},
        {QStringLiteral("busy"), samples.busy}, {QStringLiteral("granted_without_write_seen"), samples.noWriteSeen},
        {QStringLiteral("scan_to_wire"), summarize(samples.scanToWireNs).toJson()},
        {QStringLiteral("scan_to_opening"), summarize(samples.scanToOpeningNs).toJson()},
        {QStringLiteral("parts"), parts}};
}

QJsonObject report(const EntryRun &run, const QJsonObject &gym, const GateUnderTest &gate, const QString &loadBefore)
{
    return QJsonObject {{QStringLiteral("bench"), QStringLiteral("entry")},
        {QStringLiteral("what"),
            QStringLiteral("code line with CR into a pty (SerialScanner) -> Modbus write of the lane's permission "
                           "register seen on the TCP wire (gatesim, loopback); granted scans only")},
        {QStringLiteral("gym"), gym},
        {QStringLiteral("gate"),
            QJsonObject {{QStringLiteral("id"), gate.config.id}, {QStringLiteral("slave"), gate.profile.slaveId},
                {QStringLiteral("port"), gate.profile.tcp.port},
                {QStringLiteral("poll_period_ms"), gate.profile.pollPeriodMs}}},
        {QStringLiteral("entry_lane"), laneReport(run.entrySamples())},
        {QStringLiteral("exit_lane"), laneReport(run.exitSamples())},
        {QStringLiteral("checkpoints"), run.checkpoints()}, {QStringLiteral("loadavg_before"), loadBefore},
        {QStringLiteral("loadavg_after"), loadAverage()}, {QStringLiteral("rss_kb"), residentKb()},
        {QStringLiteral("synchronous"), QStringLiteral("FULL")}};
}

Result<std::unique_ptr<Database>> openGym(const QString &path)
{
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, QStringLiteral("no database at %1").arg(path));
    Database::Options databaseOptions;
    databaseOptions.path = path;
    databaseOptions.autoCheckpoint = false; // as the entry station: checkpointed by a timer between scans
    return Database::open(databaseOptions);
}

} // namespace

Result<QJsonObject> runEntryBench(const EntryBenchOptions &options)
{
    const QString loadBefore = loadAverage();
    const QJsonObject fsyncBefore = fsyncFloor(options.databasePath);
    Result<std::unique_ptr<Database>> opened = openGym(options.databasePath);
    if (!opened)
        return std::unexpected(opened.error());
    Database &db = **opened;
    Result<GateUnderTest> gate = mainGate(db);
    if (!gate)
        return std::unexpected(gate.error());
    Result<QList<QByteArray>> codes = sampleCodes(db, options.seed);
    if (!codes)
        return std::unexpected(codes.error());

    // The tap takes the port the gate profile names; the simulator listens wherever it likes.
    ModbusTap tap;
    if (Status listening = tap.listen(gate->profile.tcp.port); !listening)
        return std::unexpected(listening.error());
    GateSimulator simulator;
    Result<QJsonObject> info = simulator.start(options.gatesimPath,
        {QStringLiteral("--tcp-port"), QStringLiteral("0"), QStringLiteral("--map"), QStringLiteral("turnstile"),
            QStringLiteral("--slaves"), QString::number(gate->profile.slaveId), QStringLiteral("--pass-delay-ms"),
            QStringLiteral("1-2"), QStringLiteral("--quiet")});
    if (!info)
        return std::unexpected(info.error());
    tap.start(info->value(QLatin1String("tcpPort")).toInt());

    SettingRepository settings(db);
    const QTimeZone siteTimeZone(
        settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    SystemClock systemClock;
    const OffsetClock clock(systemClock, options.clockStartMs ? options.clockStartMs - systemClock.nowMs() : 0);
    EntryRig rig(db, clock, siteTimeZone, gate->profile);
    if (Status wired = rig.wire(gate->config); !wired)
        return std::unexpected(wired.error());
    if (Result<int> recovered = rig.entries().recoverPendingEntries(); !recovered)
        return std::unexpected(recovered.error());
    rig.supervisor().start();
    const QString gateId = gate->config.id;
    if (!waitUntil(
            &rig.supervisor(), &GateSupervisor::availabilityChanged,
            [&rig, &gateId] { return rig.supervisor().availability(gateId) == GateAvailability::Ready; }, ReadyWaitMs))
        return fail(ErrorCode::Timeout, QStringLiteral("the main gate did not become ready"));

    PseudoTerminal pty;
    if (Status created = pty.open(); !created)
        return std::unexpected(created.error());
    SerialScannerSettings scannerSettings;
    scannerSettings.portName = pty.slavePath();
    SerialScanner scanner(scannerSettings);
    EntryRun run(options, db, *gate, rig.entries(), tap, pty);
    if (Status connected = run.connectScanner(scanner); !connected)
        return std::unexpected(connected.error());
    const Status ran = run.run(*codes);
    scanner.stop();
    if (!ran)
        return std::unexpected(ran.error());
    Result<QJsonObject> gym = countRows(db);
    if (!gym)
        return std::unexpected(gym.error());
    QJsonObject result = report(run, *gym, *gate, loadBefore);
    result.insert(QStringLiteral("tap_connections"), tap.connections());
    result.insert(QStringLiteral("fsync_4k_before"), fsyncBefore);
    return result;
}

} // namespace gymgate
