window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r7"]=[["psql-nwl-tracking-prod","ecd149eaa9",2]];
