using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.ExportFlags;

/// <summary>The supervision queue with its filters as a file (every matching flag, up to <see cref="ExportFlagsValidator.MaxRows"/>).</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportFlagsQuery(FlagFilter Filter, ExportFormat Format) : IRequest<ExportedFile>;
