using Stm32NanoUpdater.Cli;

return NanoUpdateCli.Run(args, Console.Out, Console.Error);
