#include "tech/SqlGateSetup.h"

#include "core/GateSupervisor.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GateRepository.h"
#include "store/VenueRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSerialPortInfo>
#include <QSet>

#include <algorithm>

#include "protocol/GateProfile.h"

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlGateSetup)
};

constexpr int kMaxNameLength = 60;
constexpr int kGatesFileVersion = 1;
const QString kGatesFormat = QStringLiteral("gymgate-gates");
const QString kGateEntity = QStringLiteral("gate");

std::unexpected<Error> fromError(const Error &error)
{
    return std::unexpected(error);
}

// The same error with its field moved under `prefix` ("profile" + "transport.baud").
std::unexpected<Error> prefixed(Error error, const QString &prefix)
{
    error.field = error.field.isEmpty() ? prefix : prefix + QLatin1Char('.') + error.field;
    return std::unexpected(std::move(error));
}

QString sameName(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

Result<QList<Venue>> liveVenues(Database &db)
{
    return VenueRepository(db).list();
}

// The gate if it exists and is not deleted (the repository's findById sees deleted ones too).
Result<GateConfig> liveGate(Database &db, const QString &gateId)
{
    Result<QList<GateConfig>> gates = GateRepository(db).list();
    if (!gates)
        return fromError(gates.error());
    for (const GateConfig &gate : std::as_const(*gates)) {
        if (gate.id == gateId)
            return gate;
    }
    return fail(ErrorCode::NotFound, Text::tr("The gate was not found."), QStringLiteral("gateId"));
}

// A JSON parse error naming where the file went wrong, as a technician's editor shows it.
std::unexpected<Error> jsonError(const QByteArray &bytes, const QJsonParseError &error)
{
    const QByteArray before = bytes.left(error.offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(before.size() - before.lastIndexOf('\n'));
    return fail(ErrorCode::InvalidArgument,
        Text::tr("The file is not valid JSON: %1 at line %2, column %3 (offset %4).")
            .arg(error.errorString())
            .arg(line)
            .arg(column)
            .arg(error.offset));
}

Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &whatExpected)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return jsonError(bytes, error);
    if (!document.isObject())
        return fail(ErrorCode::InvalidArgument, whatExpected);
    return document.object();
}

// The dotted paths where two profiles differ ("transport.baud"), keys of both sides.
void collectChanges(const QJsonObject &before, const QJsonObject &after, const QString &prefix, QStringList &changed)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue was = before.value(key);
        const QJsonValue now = after.value(key);
        const QString path = prefix + QLatin1Char('.') + key;
        if (was.isObject() && now.isObject())
            collectChanges(was.toObject(), now.toObject(), path, changed);
        else if (was != now)
            changed << path;
    }
}

QStringList changedFields(const GateConfig &before, const GateConfig &after)
{
    QStringList changed;
    if (before.name != after.name)
        changed << QStringLiteral("name");
    if (before.zoneId != after.zoneId)
        changed << QStringLiteral("zoneId");
    if (before.direction != after.direction)
        changed << QStringLiteral("direction");
    if (before.failMode != after.failMode)
        changed << QStringLiteral("failMode");
    collectChanges(before.profile, after.profile, QStringLiteral("profile"), changed);
    return changed;
}

QJsonObject createDetail(const GateConfig &gate)
{
    return QJsonObject {{QStringLiteral("name"), gate.name},
        {QStringLiteral("kind"), gate.profile.value(QStringLiteral("kind")).toString()},
        {QStringLiteral("transport"),
            gate.profile.value(QStringLiteral("transport")).toObject().value(QStringLiteral("type")).toString()}};
}

// The gate as it is stored: trimmed name, normalized profile, no self-test carried over.
GateConfig storedForm(GateConfig gate, const QJsonObject &normalizedProfile)
{
    gate.name = gate.name.trimmed();
    gate.profile = normalizedProfile;
    gate.lastSelfTestAtMs.reset();
    gate.lastSelfTestResult.clear();
    return gate;
}

QString withCopySuffix(const QString &name, int number)
{
    return number == 1 ? Text::tr("%1 (copy)").arg(name) : Text::tr("%1 (copy %2)").arg(name, QString::number(number));
}

// "<name> (copy)", then "(copy 2)" and on; a long name gives way so the copy still fits.
QString copyName(const QString &name, int number)
{
    const int suffixLength = int(withCopySuffix(QString(), number).size());
    return withCopySuffix(name.left(std::max(0, kMaxNameLength - suffixLength)).trimmed(), number);
}

const QStringList &gateFileKeys()
{
    static const QStringList keys {QStringLiteral("name"), QStringLiteral("zone"), QStringLiteral("direction"),
        QStringLiteral("failMode"), QStringLiteral("profile")};
    return keys;
}

QString gatePath(qsizetype index, const QString &key = {})
{
    const QString base = QStringLiteral("gates[%1]").arg(index);
    return key.isEmpty() ? base : base + QLatin1Char('.') + key;
}

} // namespace

SqlGateSetup::SqlGateSetup(
    Database &db, const Clock &clock, ServiceStateFunction serviceState, qint64 serviceStartedAtMs)
    : m_db(db), m_clock(clock), m_serviceState(std::move(serviceState)), m_serviceStartedAtMs(serviceStartedAtMs)
{ }

// ---- the gate list

Result<QList<GateListEntry>> SqlGateSetup::gates(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    Result<QList<GateConfig>> configs = GateRepository(m_db).list();
    if (!configs)
        return fromError(configs.error());
    QList<GateListEntry> entries;
    for (const GateConfig &config : std::as_const(*configs)) {
        const GateServiceState state = m_serviceState ? m_serviceState(config.id) : GateServiceState::NotRunHere;
        entries.append(GateListEntry {config, state, restartNeeded(config, state)});
    }
    return entries;
}

bool SqlGateSetup::restartNeeded(const GateConfig &gate, GateServiceState state) const
{
    // Without a gate service here nothing runs from an old configuration.
    if (m_serviceStartedAtMs <= 0)
        return false;
    return gate.updatedAtMs > m_serviceStartedAtMs || state == GateServiceState::NotRunHere;
}

Result<QList<GateZoneChoice>> SqlGateSetup::zones(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    Result<QList<Venue>> venues = liveVenues(m_db);
    if (!venues)
        return fromError(venues.error());
    QList<GateZoneChoice> choices;
    for (const Venue &venue : std::as_const(*venues))
        choices.append(GateZoneChoice {venue.id, venue.name});
    return choices;
}

QList<SerialPortChoice> SqlGateSetup::serialPorts() const
{
    QList<SerialPortChoice> choices;
    const QList<QSerialPortInfo> ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &port : ports) {
        SerialPortChoice choice;
        choice.systemLocation = port.systemLocation();
        choice.device = stableDevicePath(choice.systemLocation);
        choice.description = port.description();
        choice.manufacturer = port.manufacturer();
        choice.serialNumber = port.serialNumber();
        if (port.hasVendorIdentifier())
            choice.vendorId = port.vendorIdentifier();
        if (port.hasProductIdentifier())
            choice.productId = port.productIdentifier();
        choices.append(choice);
    }
    return choices;
}

GateServiceState SqlGateSetup::serviceStateIn(
    const GateSupervisor *supervisor, const QStringList &pausedGateIds, const QString &gateId)
{
    if (!supervisor || !supervisor->gateIds().contains(gateId))
        return GateServiceState::NotRunHere;
    if (pausedGateIds.contains(gateId))
        return GateServiceState::Paused;
    switch (supervisor->availability(gateId)) {
    case GateAvailability::Ready:
        return GateServiceState::Ready;
    case GateAvailability::Emergency:
        return GateServiceState::Emergency;
    case GateAvailability::Offline:
        return GateServiceState::Offline;
    case GateAvailability::OutOfOrder:
        return GateServiceState::OutOfOrder;
    case GateAvailability::Invalid:
        break;
    }
    return GateServiceState::Invalid;
}

QString SqlGateSetup::stableDevicePath(const QString &systemLocation, const QString &byIdFolder)
{
    // The kernel name (ttyUSB0) changes with plug order; the by-id link names the adapter.
    const QString target = QFileInfo(systemLocation).canonicalFilePath();
    if (target.isEmpty())
        return systemLocation;
    const QDir folder(byIdFolder);
    const QStringList links = folder.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &link : links) {
        const QString path = folder.filePath(link);
        if (QFileInfo(path).isSymLink() && QFileInfo(path).canonicalFilePath() == target)
            return path;
    }
    return systemLocation;
}

// ---- checks

Status SqlGateSetup::checkProfile(const QJsonObject &profile) const
{
    Result<bridge::GateProfile> parsed = bridge::gateProfileFromJson(profile);
    if (!parsed)
        return fromError(parsed.error());
    return {};
}

Status SqlGateSetup::checkGate(const GateConfig &gate) const
{
    const QString name = gate.name.trimmed();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("Give the gate a name."), QStringLiteral("name"));
    if (name.size() > kMaxNameLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The name is too long; use at most %1 characters.").arg(kMaxNameLength), QStringLiteral("name"));
    if (gate.zoneId.isEmpty())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("Choose the zone the gate leads into."), QStringLiteral("zoneId"));
    Result<QList<Venue>> venues = liveVenues(m_db);
    if (!venues)
        return fromError(venues.error());
    const bool known
        = std::any_of(venues->cbegin(), venues->cend(), [&](const Venue &venue) { return venue.id == gate.zoneId; });
    if (!known)
        return fail(ErrorCode::InvalidArgument, Text::tr("The zone %1 does not exist.").arg(gate.zoneId),
            QStringLiteral("zoneId"));
    if (gate.direction == GateDirection::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("Choose the gate's direction."), QStringLiteral("direction"));
    if (gate.failMode == GateFailMode::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("Choose what the gate does when its controller is lost."),
            QStringLiteral("failMode"));
    if (Status profile = checkProfile(gate.profile); !profile)
        return prefixed(profile.error(), QStringLiteral("profile"));
    return {};
}

Result<QJsonObject> SqlGateSetup::normalizedProfile(const QJsonObject &profile) const
{
    Result<bridge::GateProfile> parsed = bridge::gateProfileFromJson(profile);
    if (!parsed)
        return fromError(parsed.error());
    return parsed->toJson();
}

Status SqlGateSetup::checkNameFree(const QString &name, const QString &exceptId) const
{
    Result<QList<GateConfig>> gates = GateRepository(m_db).list();
    if (!gates)
        return fromError(gates.error());
    for (const GateConfig &other : std::as_const(*gates)) {
        if (other.id != exceptId && sameName(other.name) == sameName(name))
            return fail(ErrorCode::AlreadyExists, Text::tr("Another gate is already called %1.").arg(other.name),
                QStringLiteral("name"));
    }
    return {};
}

// ---- changes

Result<GateConfig> SqlGateSetup::insertAudited(
    const StaffSession &session, GateConfig gate, qint64 nowMs, const QJsonObject &extra)
{
    if (Status free = checkNameFree(gate.name, {}); !free)
        return fromError(free.error());
    gate.id.clear();
    Result<GateConfig> inserted = GateRepository(m_db).insert(gate, nowMs);
    if (!inserted)
        return inserted;
    QJsonObject detail = createDetail(*inserted);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        detail.insert(it.key(), it.value());
    if (Status audited = AuditLog(m_db).append(
            session.staffId, QStringLiteral("gate.create"), kGateEntity, inserted->id, detail, nowMs);
        !audited)
        return fromError(audited.error());
    return inserted;
}

Result<GateConfig> SqlGateSetup::saveGate(const StaffSession &session, const GateConfig &gate)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    if (Status valid = checkGate(gate); !valid)
        return fromError(valid.error());
    Result<QJsonObject> profile = normalizedProfile(gate.profile);
    if (!profile)
        return prefixed(profile.error(), QStringLiteral("profile"));
    GateConfig wanted = storedForm(gate, *profile);
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<GateConfig>([&]() -> Result<GateConfig> {
        if (wanted.id.isEmpty())
            return insertAudited(session, wanted, nowMs, {});
        Result<GateConfig> existing = liveGate(m_db, wanted.id);
        if (!existing)
            return existing;
        const QStringList changed = changedFields(*existing, wanted);
        if (changed.isEmpty())
            return existing; // nothing to write, and nothing for the gate service to restart for
        if (Status free = checkNameFree(wanted.name, wanted.id); !free)
            return fromError(free.error());
        if (Status updated = GateRepository(m_db).update(wanted, nowMs); !updated)
            return fromError(updated.error());
        if (Status audited = AuditLog(m_db).append(session.staffId, QStringLiteral("gate.update"), kGateEntity,
                wanted.id, QJsonObject {{QStringLiteral("changed"), QJsonArray::fromStringList(changed)}}, nowMs);
            !audited)
            return fromError(audited.error());
        return liveGate(m_db, wanted.id);
    });
}

Status SqlGateSetup::deleteGate(const StaffSession &session, const QString &gateId)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return allowed;
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction([&]() -> Status {
        Result<GateConfig> gate = liveGate(m_db, gateId);
        if (!gate)
            return fromError(gate.error());
        if (Status deleted = GateRepository(m_db).softDelete(gateId, nowMs); !deleted)
            return deleted;
        return AuditLog(m_db).append(session.staffId, QStringLiteral("gate.delete"), kGateEntity, gateId,
            QJsonObject {{QStringLiteral("name"), gate->name}}, nowMs);
    });
}

Result<GateConfig> SqlGateSetup::duplicateGate(const StaffSession &session, const QString &gateId)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<GateConfig>([&]() -> Result<GateConfig> {
        Result<GateConfig> original = liveGate(m_db, gateId);
        if (!original)
            return original;
        Result<QList<GateConfig>> gates = GateRepository(m_db).list();
        if (!gates)
            return fromError(gates.error());
        QSet<QString> taken;
        for (const GateConfig &gate : std::as_const(*gates))
            taken.insert(sameName(gate.name));
        int number = 1;
        while (taken.contains(sameName(copyName(original->name, number))))
            ++number;
        GateConfig copy = storedForm(*original, original->profile);
        copy.name = copyName(original->name, number);
        return insertAudited(session, copy, nowMs, QJsonObject {{QStringLiteral("copyOf"), gateId}});
    });
}

Status SqlGateSetup::recordSelfTest(
    const StaffSession &session, const QString &gateId, const GateSelfTestReport &report)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return allowed;
    const qint64 nowMs = m_clock.nowMs();
    const QString result = QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact));
    return m_db.transaction([&]() -> Status {
        if (Status stored = GateRepository(m_db).recordSelfTest(gateId, report.atMs > 0 ? report.atMs : nowMs, result);
            !stored)
            return stored;
        return AuditLog(m_db).append(session.staffId, QStringLiteral("gate.selftest"), kGateEntity, gateId,
            QJsonObject {{QStringLiteral("passed"), report.passed()}, {QStringLiteral("failures"), report.failures()}},
            nowMs);
    });
}

Result<QList<GateConfig>> SqlGateSetup::configuredGates() const
{
    return GateRepository(m_db).list();
}

// ---- files

Result<QJsonObject> SqlGateSetup::readProfileFile(const QByteArray &bytes) const
{
    Result<QJsonObject> object
        = parseObject(bytes, Text::tr("The file does not hold a gate profile: a profile is a JSON object."));
    if (!object)
        return object;
    return normalizedProfile(*object);
}

QByteArray SqlGateSetup::profileFile(const QJsonObject &profile) const
{
    Result<QJsonObject> normalized = normalizedProfile(profile);
    return QJsonDocument(normalized ? *normalized : profile).toJson(QJsonDocument::Indented);
}

Result<QByteArray> SqlGateSetup::exportGates(const StaffSession &session, const QStringList &gateIds)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    Result<QList<GateConfig>> gates = GateRepository(m_db).list();
    if (!gates)
        return fromError(gates.error());
    for (const QString &id : gateIds) {
        const bool known
            = std::any_of(gates->cbegin(), gates->cend(), [&](const GateConfig &gate) { return gate.id == id; });
        if (!known)
            return fail(ErrorCode::NotFound, Text::tr("The gate %1 was not found.").arg(id), QStringLiteral("gateIds"));
    }
    VenueRepository venues(m_db);
    QJsonArray list;
    for (const GateConfig &gate : std::as_const(*gates)) {
        if (!gateIds.isEmpty() && !gateIds.contains(gate.id))
            continue;
        Result<std::optional<Venue>> zone = venues.findById(gate.zoneId);
        if (!zone)
            return fromError(zone.error());
        list.append(QJsonObject {{QStringLiteral("name"), gate.name},
            {QStringLiteral("zone"), *zone ? (*zone)->name : gate.zoneId},
            {QStringLiteral("direction"), QString::fromLatin1(gateDirectionName(gate.direction))},
            {QStringLiteral("failMode"), QString::fromLatin1(gateFailModeName(gate.failMode))},
            {QStringLiteral("profile"), gate.profile}});
    }
    const QJsonObject file {{QStringLiteral("format"), kGatesFormat}, {QStringLiteral("version"), kGatesFileVersion},
        {QStringLiteral("gates"), list}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

namespace {

Status checkGatesHeader(const QJsonObject &file)
{
    const QStringList allowed {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("gates")};
    for (auto it = file.begin(); it != file.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(ErrorCode::InvalidArgument,
                Text::tr("Unknown key \"%1\"; a gates file has: %2.").arg(it.key(), allowed.join(QStringLiteral(", "))),
                it.key());
    }
    if (file.value(QStringLiteral("format")).toString() != kGatesFormat)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("This is not a GymGate gates file (the format must be \"%1\").").arg(kGatesFormat),
            QStringLiteral("format"));
    const QJsonValue version = file.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != kGatesFileVersion)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("This GymGate reads gates files of version %1 only.").arg(kGatesFileVersion),
            QStringLiteral("version"));
    if (!file.value(QStringLiteral("gates")).isArray())
        return fail(ErrorCode::InvalidArgument, Text::tr("The file has no list of gates."), QStringLiteral("gates"));
    return {};
}

// One entry of a gates file as a gate, zone resolved by name; fields are the file's own names.
Result<GateConfig> gateFromFile(const QJsonValue &value, qsizetype index, const QList<Venue> &venues)
{
    if (!value.isObject())
        return fail(ErrorCode::InvalidArgument, Text::tr("Each gate must be a JSON object."), gatePath(index));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!gateFileKeys().contains(it.key()))
            return fail(ErrorCode::InvalidArgument,
                Text::tr("Unknown key \"%1\"; a gate has: %2.")
                    .arg(it.key(), gateFileKeys().join(QStringLiteral(", "))),
                gatePath(index, it.key()));
    }
    GateConfig gate;
    gate.name = object.value(QStringLiteral("name")).toString().trimmed();
    const QString zone = object.value(QStringLiteral("zone")).toString().trimmed();
    const auto venue
        = std::find_if(venues.cbegin(), venues.cend(), [&](const Venue &candidate) { return candidate.name == zone; });
    if (venue == venues.cend()) {
        QStringList names;
        for (const Venue &known : venues)
            names << known.name;
        return fail(ErrorCode::InvalidArgument,
            Text::tr("There is no zone called \"%1\" here; the zones are: %2.")
                .arg(zone, names.join(QStringLiteral(", "))),
            gatePath(index, QStringLiteral("zone")));
    }
    gate.zoneId = venue->id;
    // Omitted, they take the editor's defaults (an entry gate that stays shut when lost).
    const QJsonValue direction = object.value(QStringLiteral("direction"));
    gate.direction = direction.isUndefined() ? GateDirection::In : gateDirectionFromName(direction.toString());
    const QJsonValue failMode = object.value(QStringLiteral("failMode"));
    gate.failMode = failMode.isUndefined() ? GateFailMode::Secure : gateFailModeFromName(failMode.toString());
    gate.profile = object.value(QStringLiteral("profile")).toObject();
    if (!object.value(QStringLiteral("profile")).isObject())
        return fail(ErrorCode::InvalidArgument, Text::tr("The gate has no profile."),
            gatePath(index, QStringLiteral("profile")));
    return gate;
}

} // namespace

Result<QList<GateConfig>> SqlGateSetup::importGates(const StaffSession &session, const QByteArray &bytes)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return fromError(allowed.error());
    Result<QJsonObject> file = parseObject(bytes, Text::tr("The file does not hold gates: it must be a JSON object."));
    if (!file)
        return fromError(file.error());
    if (Status header = checkGatesHeader(*file); !header)
        return fromError(header.error());
    const QJsonArray entries = file->value(QStringLiteral("gates")).toArray();
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<QList<GateConfig>>([&]() -> Result<QList<GateConfig>> {
        Result<QList<Venue>> venues = liveVenues(m_db);
        if (!venues)
            return fromError(venues.error());
        // Every gate is checked before the first is written, so a bad file changes nothing.
        QList<GateConfig> wanted;
        QHash<QString, qsizetype> namesInFile;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            Result<GateConfig> gate = gateFromFile(entries.at(i), i, *venues);
            if (!gate)
                return fromError(gate.error());
            if (Status valid = checkGate(*gate); !valid) {
                Error error = valid.error();
                if (error.field == QLatin1String("zoneId"))
                    error.field = QStringLiteral("zone");
                return prefixed(error, gatePath(i));
            }
            if (Status free = checkNameFree(gate->name, {}); !free)
                return prefixed(free.error(), gatePath(i));
            if (const auto first = namesInFile.constFind(sameName(gate->name)); first != namesInFile.cend())
                return fail(ErrorCode::AlreadyExists,
                    Text::tr("The file names two gates %1 (gates %2 and %3).").arg(gate->name).arg(*first).arg(i),
                    gatePath(i, QStringLiteral("name")));
            namesInFile.insert(sameName(gate->name), i);
            Result<QJsonObject> profile = normalizedProfile(gate->profile);
            if (!profile)
                return prefixed(profile.error(), gatePath(i, QStringLiteral("profile")));
            wanted.append(storedForm(*gate, *profile));
        }
        QList<GateConfig> inserted;
        QJsonArray names;
        GateRepository repository(m_db);
        for (const GateConfig &gate : std::as_const(wanted)) {
            Result<GateConfig> stored = repository.insert(gate, nowMs);
            if (!stored)
                return fromError(stored.error());
            inserted.append(*stored);
            names.append(stored->name);
        }
        if (Status audited = AuditLog(m_db).append(session.staffId, QStringLiteral("gate.import"), kGateEntity, {},
                QJsonObject {{QStringLiteral("count"), inserted.size()}, {QStringLiteral("names"), names}}, nowMs);
            !audited)
            return fromError(audited.error());
        return inserted;
    });
}

} // namespace gymgate
