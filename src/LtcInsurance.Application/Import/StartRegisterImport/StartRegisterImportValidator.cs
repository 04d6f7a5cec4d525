using FluentValidation;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.StartRegisterImport;

internal sealed class StartRegisterImportValidator : AbstractValidator<StartRegisterImportCommand>
{
    private static string Shortened(string extension) => extension.Length > 20 ? extension[..20] + "…" : extension;

    public StartRegisterImportValidator(ILtcDbContext db)
    {
        RuleFor(r => r.File).NotNull().WithMessage("请提供要导入的文件。")
            .Must(f => f.CanRead).When(r => r.File is not null).WithMessage("导入文件无法读取。");
        RuleFor(r => r.FileName).NotEmpty().WithMessage("请提供文件名。")
            .Must(n => RegisterFileFormats.Of(n) is not null)
            .WithMessage(r => $"不支持的文件类型「{Shortened(Path.GetExtension(r.FileName))}」，请上传 CSV 或 XLSX 文件。");
        // A name of any length is accepted: the job stores it shortened and cleaned (RegisterCellText.SafeFileName).
        RuleFor(r => r).CustomAsync(async (_, context, cancellationToken) =>
        {
            if (db.CurrentTenantId is not { } tenant)
                context.AddFailure("Tenant", "没有当前租户：请先选择要管理的城市。");
            else if (!await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenant, cancellationToken))
                context.AddFailure("Tenant", $"租户「{tenant}」不存在，请检查租户标识。");
        });
    }
}
