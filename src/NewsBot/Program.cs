using System.Text;
using NewsBot.Cli;
using NewsBot.Hosting;

Console.OutputEncoding = Encoding.UTF8;
if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.Out, Console.Error);
}

if (UnknownCommand.Find(args) is { } word)
{
    return UnknownCommand.Report(word, Console.Error);
}

return await NewsBotHost.RunAsync(args, Console.Error);
