window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r9"]=[["nwldevartifacts","fcdc9ced58",0],["nwlprodlogs","096199dea2",2]];
