using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Benefits.GetPersonFile;

/// <summary>
/// One file per beneficiary (一人一档): the person's timeline — applications, acceptance decisions, on-site assessments,
/// conclusions, publicity, objections, entitlements, care plans, hospital stays — ordered by date, with the entitlements,
/// care plans and stays for the actions of the page.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Auditor, Roles.Admin)]
public sealed record GetPersonFileQuery(PersonId Person) : IRequest<PersonFile>;

public sealed record PersonFile(
    Guid PersonId,
    string Name,
    string IdNumber,
    IReadOnlyList<PersonFileEvent> Timeline,
    IReadOnlyList<EntitlementView> Entitlements,
    IReadOnlyList<HospitalStayView> HospitalStays,
    IReadOnlyList<QualifyingConclusion> Qualifying,
    IReadOnlyList<string> CityServiceModes);

/// <param name="Kind">application, decision, assessment, conclusion, publicity, objection, delivery, entitlement, entitlement_end, care_plan, care_plan_confirmed, admission, discharge.</param>
/// <param name="Ref">The application, entitlement, care plan or stay the event belongs to.</param>
public sealed record PersonFileEvent(DateOnly Date, string Kind, string Title, string Detail, Guid Ref);

public sealed record EntitlementView(
    Guid Id, Guid ApplicationId, int? Level, string LevelLabel, string ServiceMode, string ServiceModeName, Guid? InstitutionId, string? InstitutionName,
    DateOnly From, DateOnly? To, DateOnly? WaitingUntil, string? EndReason, string Trace, IReadOnlyList<CarePlanView> CarePlans);

public sealed record CarePlanView(Guid Id, DateOnly From, DateOnly? To, string DraftedBy, DateOnly? ConfirmedOn, IReadOnlyList<CarePlanItemView> Items);

public sealed record CarePlanItemView(string ItemCode, int Frequency, string FrequencyUnit, int? DurationMinutes);

public sealed record HospitalStayView(Guid Id, DateOnly Admitted, DateOnly? Discharged, string Hospital);

/// <summary>A concluded application the clerk may dispatch (派单) from, with why not yet when it is not ready.</summary>
public sealed record QualifyingConclusion(Guid ApplicationId, string LevelLabel, DateOnly ConcludedOn, bool Ready, string? NotReadyReason);
