using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.ExportCollectionErrors;

/// <summary>The error report of a collection import (错误报告): each refused row as read, with its Chinese reason.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ExportCollectionErrorsQuery(Guid ImportId, ExportFormat Format) : IRequest<ExportedFile>;
