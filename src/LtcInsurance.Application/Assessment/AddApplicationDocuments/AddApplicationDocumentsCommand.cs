using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.AddApplicationDocuments;

/// <summary>Ticks documents on an application's checklist (补正材料) while it awaits acceptance.</summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record AddApplicationDocumentsCommand(Guid ApplicationId, IReadOnlyList<string> Documents) : IRequest<IReadOnlyList<string>>;
