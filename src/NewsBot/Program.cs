using System.Text;
using NewsBot.Cli;
using NewsBot.Hosting;

Console.OutputEncoding = Encoding.UTF8;
if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.Out, Console.Error);
}

await NewsBotHost.Build(args).RunAsync();
return 0;
