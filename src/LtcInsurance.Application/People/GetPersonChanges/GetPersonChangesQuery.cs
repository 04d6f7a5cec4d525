using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.People.GetPersonChanges;

/// <summary>A person's change history (变更记录), newest first: every field a clerk or an import changed, before and after.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetPersonChangesQuery(PersonId PersonId) : IRequest<IReadOnlyList<PersonChangeView>>;

/// <param name="Field">A <c>PersonChangeFields</c> code.</param>
/// <param name="FieldZh">Its Chinese name.</param>
/// <param name="ImportJobId">The register import that made the change; null for a clerk's.</param>
public sealed record PersonChangeView(string Field, string FieldZh, string? Before, string? After, string? Note, string ChangedBy,
    DateTimeOffset ChangedAt, Guid? ImportJobId);
