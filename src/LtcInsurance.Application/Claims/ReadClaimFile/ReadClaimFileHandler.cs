using System.Security.Cryptography;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Import;

namespace LtcInsurance.Application.Claims.ReadClaimFile;

internal sealed class ReadClaimFileHandler(IRegisterFileReader reader) : IRequestHandler<ReadClaimFileQuery, ClaimFileContent>
{
    public async Task<ClaimFileContent> Handle(ReadClaimFileQuery request, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.File.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > ClaimFile.MaxFileBytes)
                return Refused($"文件超过 {ClaimFile.MaxFileBytes / 1024 / 1024} MB");
            content.Write(buffer, 0, read);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        content.Position = 0;
        try
        {
            var (lines, problems) = ClaimFile.Read(reader.Rows(content, RegisterFileFormats.Of(request.FileName)!));
            return new ClaimFileContent(problems.Count > 0 ? [] : lines, problems, sha);
        }
        catch (InvalidDataException unreadable)
        {
            return Refused(unreadable.Message);
        }

        ClaimFileContent Refused(string message) => new([], [new ClaimFileProblem(0, ClaimFile.FileFormatCode, message)], "");
    }
}
