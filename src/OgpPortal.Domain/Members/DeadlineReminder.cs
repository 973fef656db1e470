namespace OgpPortal.Domain.Members;

/// <summary>
/// A deadline reminder sent to a member's points of contact (<see cref="PlanDeadlines.ReminderDue"/>): one per member,
/// deadline and number of days before it, so each is sent once whichever instance of the portal sends it.
/// </summary>
public class DeadlineReminder
{
    public DeadlineReminder(int memberId, DateOnly deadline, int daysBefore, DateTime sentAt)
    {
        MemberId = memberId;
        Deadline = deadline;
        DaysBefore = daysBefore;
        SentAt = sentAt;
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public DateOnly Deadline { get; private set; }

    public int DaysBefore { get; private set; }

    public DateTime SentAt { get; private set; }
}
