using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.ListExpiryReminders;

/// <summary>
/// The clerk's validity reminders on <see cref="On"/>: the latest benefit-opening conclusion of each person whose expiry
/// reminder day (the engine's ExpiryReminder rule: <c>expiryReminderDays</c> before the end of validity, no default) has
/// come and whose validity has not ended more than <see cref="ExpiredWithinDays"/> days ago, with the entitlement it grounds.
/// A conclusion whose validity or reminder figure is unset on its date is listed first, without dates, carrying the refusal
/// (<see cref="ExpiryReminderRow.Unresolved"/>), so the clerk sees what the admin must set and the other reminders still show.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Auditor)]
public sealed record ListExpiryRemindersQuery(DateOnly On, int ExpiredWithinDays = 30) : IRequest<IReadOnlyList<ExpiryReminderRow>>;

public sealed record ExpiryReminderRow(Guid PersonId, string PersonName, Guid ApplicationId, string LevelLabel, DateOnly ConcludedOn,
    DateOnly? ValidTo, DateOnly? RemindOn, Guid? EntitlementId, DateOnly? EntitlementTo, bool Expired, string? Unresolved = null);
