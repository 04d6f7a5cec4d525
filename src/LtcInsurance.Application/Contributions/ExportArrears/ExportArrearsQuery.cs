using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.ExportArrears;

/// <summary>The arrears list (欠费名单) of one period or of all, every page, as csv or xlsx.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ExportArrearsQuery(string? Period, ExportFormat Format) : IRequest<ExportedFile>;
