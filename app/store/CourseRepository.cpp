#include "store/CourseRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

const QString kCourseColumns = QStringLiteral("id, name, venue_id, duration_minutes, capacity");
const QString kSlotColumns
    = QStringLiteral("id, course_id, venue_id, coach_name, start_at, end_at, capacity, booked_count");

QString courseWhat()
{
    return QCoreApplication::translate("Store", "The course");
}

QString slotWhat()
{
    return QCoreApplication::translate("Store", "The course slot");
}

Course readCourse(const QSqlQuery &query)
{
    Course course;
    course.id = query.value(0).toString();
    course.name = query.value(1).toString();
    course.venueId = query.value(2).toString();
    course.durationMinutes = query.value(3).toInt();
    course.capacity = query.value(4).toInt();
    return course;
}

CourseSlot readSlot(const QSqlQuery &query)
{
    CourseSlot slot;
    slot.id = query.value(0).toString();
    slot.courseId = query.value(1).toString();
    slot.venueId = query.value(2).toString();
    slot.coachName = query.value(3).toString();
    slot.startMs = query.value(4).toLongLong();
    slot.endMs = query.value(5).toLongLong();
    slot.capacity = query.value(6).toInt();
    slot.bookedCount = query.value(7).toInt();
    return slot;
}

Status validate(const CourseSlot &slot)
{
    if (slot.endMs <= slot.startMs)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The slot must end after it starts."), QStringLiteral("endMs"));
    if (slot.capacity <= 0)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The capacity must be at least one."), QStringLiteral("capacity"));
    return {};
}

} // namespace

CourseRepository::CourseRepository(Database &db) : m_db(db)
{ }

Result<Course> CourseRepository::insertCourse(Course course, qint64 atMs)
{
    if (course.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The name is missing."),
            QStringLiteral("name"));
    if (course.id.isEmpty())
        course.id = sql::newId();
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO course (") + kCourseColumns
            + QStringLiteral(", created_at, updated_at) VALUES (?,?,?,?,?,?,?)"),
        {course.id, course.name, course.venueId, course.durationMinutes, course.capacity, atMs, atMs});
    if (!query)
        return std::unexpected(query.error());
    return course;
}

Status CourseRepository::updateCourse(const Course &course, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE course SET name = ?, venue_id = ?, duration_minutes = ?, capacity = ?, "
                       "updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        {course.name, course.venueId, course.durationMinutes, course.capacity, atMs, course.id}, courseWhat());
}

Result<std::optional<Course>> CourseRepository::findCourse(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kCourseColumns + QStringLiteral(" FROM course WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Course>();
    return std::optional<Course>(readCourse(*query));
}

Result<QList<Course>> CourseRepository::listCourses() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kCourseColumns
            + QStringLiteral(" FROM course WHERE deleted_at IS NULL ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    QList<Course> courses;
    while (query->next())
        courses.append(readCourse(*query));
    return courses;
}

Status CourseRepository::deleteCourse(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE course SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, courseWhat());
}

Result<CourseSlot> CourseRepository::insertSlot(CourseSlot slot, qint64 atMs)
{
    if (Status valid = validate(slot); !valid)
        return std::unexpected(valid.error());
    if (slot.id.isEmpty())
        slot.id = sql::newId();
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO course_slot (") + kSlotColumns
            + QStringLiteral(", created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {slot.id, slot.courseId, slot.venueId, slot.coachName, slot.startMs, slot.endMs, slot.capacity,
            slot.bookedCount, atMs, atMs});
    if (!query)
        return std::unexpected(query.error());
    return slot;
}

Status CourseRepository::updateSlot(const CourseSlot &slot, qint64 atMs)
{
    if (Status valid = validate(slot); !valid)
        return valid;
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE course_slot SET course_id = ?, venue_id = ?, coach_name = ?, "
                       "start_at = ?, end_at = ?, capacity = ?, booked_count = ?, updated_at = ? "
                       "WHERE id = ? AND deleted_at IS NULL"),
        {slot.courseId, slot.venueId, slot.coachName, slot.startMs, slot.endMs, slot.capacity, slot.bookedCount, atMs,
            slot.id},
        slotWhat());
}

Result<std::optional<CourseSlot>> CourseRepository::findSlot(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kSlotColumns + QStringLiteral(" FROM course_slot WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<CourseSlot>();
    return std::optional<CourseSlot>(readSlot(*query));
}

Result<QList<CourseSlot>> CourseRepository::listSlots(const QString &venueId, qint64 fromMs, qint64 toMs) const
{
    const QString select = QStringLiteral("SELECT ") + kSlotColumns + QStringLiteral(" FROM course_slot WHERE ");
    Result<QSqlQuery> query = venueId.isEmpty()
        ? sql::run(m_db.connection(),
            select + QStringLiteral("start_at >= ? AND start_at < ? AND deleted_at IS NULL ORDER BY start_at"),
            {fromMs, toMs})
        : sql::run(m_db.connection(),
            select
                + QStringLiteral("venue_id = ? AND start_at >= ? AND start_at < ? AND deleted_at IS NULL "
                                 "ORDER BY start_at"),
            {venueId, fromMs, toMs});
    if (!query)
        return std::unexpected(query.error());
    QList<CourseSlot> found;
    while (query->next())
        found.append(readSlot(*query));
    return found;
}

Status CourseRepository::deleteSlot(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE course_slot SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, slotWhat());
}

Status CourseRepository::adjustBookedCount(const QString &slotId, int delta, qint64 atMs)
{
    // The guard sits in the UPDATE itself, so two desks booking the last seat cannot both win.
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("UPDATE course_slot SET booked_count = booked_count + ?, updated_at = ? "
                       "WHERE id = ? AND deleted_at IS NULL AND booked_count + ? BETWEEN 0 AND capacity"),
        {delta, atMs, slotId, delta});
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() > 0)
        return {};
    Result<std::optional<CourseSlot>> slot = findSlot(slotId);
    if (!slot)
        return std::unexpected(slot.error());
    if (!*slot)
        return std::unexpected(sql::notFound(slotWhat()));
    return fail(ErrorCode::Conflict,
        delta > 0 ? QCoreApplication::translate("Store", "The course slot is fully booked.")
                  : QCoreApplication::translate("Store", "The course slot has no booking to release."),
        QStringLiteral("slotId"));
}

} // namespace gymgate
