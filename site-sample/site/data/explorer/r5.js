window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r5"]=[["nwl-app-infra-20261104-1532","a11571ac4c",0]];
