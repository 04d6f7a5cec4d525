using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.RecordSanction;

/// <summary>
/// Bars a provider or a care worker for a period (<paramref name="To"/> null: until ended), with the reason and the clause
/// applied. Claims for days in force are refused. Sanctions are never edited; see <see cref="EndSanction.EndSanctionCommand"/>.
/// </summary>
/// <param name="SubjectKind">A <see cref="Domain.Providers.SanctionSubjects"/> code.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record RecordSanctionCommand(string SubjectKind, Guid SubjectId, DateOnly From, DateOnly? To, string Reason, string Clause) : IRequest<Guid>;
